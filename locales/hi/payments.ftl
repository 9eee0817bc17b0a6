# क्रेडिट खरीदना, खरीदार की ओर से: खरीदने का पेज (पैक, UPI से भुगतान, UTR से पुष्टि) और
# हर भुगतान अनुरोध का पेज, जो मंज़ूरी के बाद रसीद है। $site साइट का नाम है; $unit और $units
# उसके क्रेडिट का एकवचन और बहुवचन नाम; $price और $amount लिखी हुई रक़म ("₹149.00");
# $credits इकाई सहित क्रेडिट की संख्या ("50 Sparks")।

payments-credits = { $count } { $count ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}
payments-unit-word = { $count ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}

## खरीदने का पेज।

payments-buy-heading = { $units } खरीदें
payments-buy-description = UPI से अपना { $site } बैलेंस टॉप-अप करें।
payments-checkout-title = { $credits } के लिए { $price } चुकाएँ
payments-checkout-lead = किसी भी UPI ऐप से भुगतान करें, फिर नीचे भुगतान की पुष्टि करें। हमारी जाँच के बाद आपके { $units } जोड़ दिए जाते हैं।
payments-shop-title = अपने { $units } टॉप-अप करें
payments-shop-lead = कोई पैक चुनें, किसी भी UPI ऐप से भुगतान करें, और उसके ट्रांज़ैक्शन रेफ़रेंस से भुगतान की पुष्टि करें।
payments-available = { $count ->
    [0] आपके पास { $count } { $units } उपलब्ध हैं।
    [one] आपके पास { $count } { $unit } उपलब्ध है।
   *[other] आपके पास { $count } { $units } उपलब्ध हैं।
}
payments-waiting = { $count ->
    [0] आपके { $count } भुगतान मंज़ूरी की प्रतीक्षा में हैं ({ $list })। इनकी दोबारा पुष्टि करने की ज़रूरत नहीं है।
    [one] आपका एक भुगतान मंज़ूरी की प्रतीक्षा में है ({ $list })। इसकी दोबारा पुष्टि करने की ज़रूरत नहीं है।
   *[other] आपके { $count } भुगतान मंज़ूरी की प्रतीक्षा में हैं ({ $list })। इनकी दोबारा पुष्टि करने की ज़रूरत नहीं है।
}
payments-waiting-item = { $amount }, UTR <span class="mono">{ $utr }</span>

payments-closed-title = अभी कोई { $units } बिक्री के लिए उपलब्ध नहीं हैं
payments-closed-body = { $site } इस समय ऑनलाइन { $units } नहीं बेच रहा है। आपका बैलेंस और आपकी इमेज सुरक्षित हैं, और आप अपने मौजूदा { $units } से इमेज बनाते रह सकते हैं।
payments-closed-contact = किसी और तरीक़े से टॉप-अप करने के लिए, या किसी भुगतान के बारे में सवाल हो, तो हमसे संपर्क करें:
payments-contact-email = ईमेल { $email }
payments-contact-whatsapp = WhatsApp +{ $number }
payments-closed-no-contact = किसी भुगतान के बारे में सवाल हो, तो उसका UTR अपने पास रखें: साइट के संचालक, जिनका नाम <a href="/terms">शर्तों</a> में दिया है, उसे देख सकते हैं।
payments-create-image = इमेज बनाएँ

payments-packs = पैक
payments-pack-rate-image = { $price } प्रति इमेज
payments-pack-rate-credit = { $price } प्रति { $unit }
payments-pack-buy = { $credits } खरीदें<span class="visually-hidden">, { $price } में</span>
payments-pack-note = कीमतें भारतीय रुपयों में हैं, भुगतान UPI से। हर सेव की गई इमेज पर { $count ->
    [0] { $count } { $units } लगते हैं
    [one] { $count } { $unit } लगता है
   *[other] { $count } { $units } लगते हैं
}; जो इमेज नहीं बन पातीं, उनका कोई शुल्क नहीं। { $units } कभी एक्सपायर नहीं होते।

payments-choose-another = ← कोई दूसरा पैक चुनें
payments-pay-by-upi = UPI से { $price } चुकाएँ
payments-qr-caption = किसी भी UPI ऐप से स्कैन करें: Google Pay, PhonePe, Paytm, BHIM या आपके बैंक का ऐप।
payments-pay-with-app = UPI ऐप से भुगतान करें
payments-app-refuses = अगर आपका ऐप भुगतान स्वीकार न करे (लिंक से खोले गए भुगतान कुछ ऐप नहीं लेते), तो QR कोड किसी दूसरे डिवाइस से स्कैन करें, या नीचे दी गई UPI ID पर ख़ुद { $price } भेजें।
payments-upi-id = UPI ID
payments-payee = प्राप्तकर्ता
payments-amount = राशि
payments-note-reference = नोट (रेफ़रेंस)
payments-copy-upi-id = कॉपी करें<span class="visually-hidden">: UPI ID</span>
payments-copy-reference = कॉपी करें<span class="visually-hidden">: रेफ़रेंस</span>
payments-step-send = QR कोड स्कैन करें, या <span class="mono break-anywhere">{ $vpa }</span> पर ठीक { $price } भेजें।
payments-step-check = जाँच लें कि प्राप्तकर्ता { $payee } है और राशि { $price }। भुगतान के नोट में <strong class="mono">{ $reference }</strong> लिखें (QR कोड इसे अपने-आप भर देता है), ताकि हम आपका भुगतान जल्दी ढूँढ सकें।
payments-step-utr = भुगतान के बाद अपने UPI ऐप में वह भुगतान खोलें और उसका 12 अंकों का UTR कॉपी करें, फिर नीचे पुष्टि करें।
payments-confirm = मेरे भुगतान की पुष्टि करें
payments-utr-explained = UTR (UPI ट्रांज़ैक्शन रेफ़रेंस) भुगतान के विवरण में दिया गया 12 अंकों का नंबर है। Google Pay इसे "UPI transaction ID" कहता है, PhonePe "UTR" और Paytm "UPI Ref No"।
payments-see-yours = अपने भुगतान देखें
payments-utr-label = UTR (12 अंक)
payments-utr-example = जैसे 4321 8765 0912
payments-utr-hint = बीच में स्पेस हों तो कोई बात नहीं। हर UTR की पुष्टि एक ही बार हो सकती है।
payments-confirm-after = { $site } के एडमिन इसे अपने बैंक स्टेटमेंट से मिलाते हैं; फ़ैसला होने पर आपको ईमेल मिलता है, और आपके अनुरोध आपके <a href="/account#payments">अकाउंट पेज</a> पर दिखते हैं।

## जब किसी पुष्टि को दर्ज नहीं किया जा सकता। $problem नीचे के payments-problem-* वाक्यांशों में से एक है।

payments-problem-not-yours = यह चेकआउट पेज पुराना है या आपका नहीं है
payments-problem-expired = यह चेकआउट पेज 24 घंटे से भी पहले खोला गया था, इसलिए अब इसकी पुष्टि नहीं हो सकती
payments-problem-and-gone = { $problem }, और वह पैक अब नहीं बिकता।
payments-problem-alone = { $problem }।
payments-problem-reopened = { $problem }; पैक फिर से खोलें। यह रहा, नए रेफ़रेंस के साथ फिर से खोला गया: अगर आपने अभी भुगतान नहीं किया है, तो इस पेज के QR कोड से भुगतान करें; अगर आप भुगतान कर चुके हैं, तो उस भुगतान का UTR डालकर पुष्टि करें।
payments-pack-gone = वह पैक अब नहीं बिकता।
payments-pack-error = { $why } अगर आप इसके लिए भुगतान कर चुके हैं, तो अपने भुगतान के 12 अंकों वाले UTR के साथ सपोर्ट से संपर्क करें, हम मामला सुलझा देंगे।
payments-pack-error-pick = { $why } नीचे दिए गए पैक में से कोई एक चुनें। अगर आप इसके लिए भुगतान कर चुके हैं, तो अपने भुगतान के 12 अंकों वाले UTR के साथ सपोर्ट से संपर्क करें, हम मामला सुलझा देंगे।
payments-utr-taken = यह UTR { $site } पर पहले ही जमा किया जा चुका है, और हर भुगतान की पुष्टि एक ही बार हो सकती है। अगर इसे आपने जमा नहीं किया था, तो UTR और अपने भुगतान के स्क्रीनशॉट के साथ सपोर्ट से संपर्क करें।
payments-too-many-pending = { $count ->
    [0] आपके { $count } भुगतान पहले से मंज़ूरी की प्रतीक्षा में हैं
    [one] आपका एक भुगतान पहले से मंज़ूरी की प्रतीक्षा में है
   *[other] आपके { $count } भुगतान पहले से मंज़ूरी की प्रतीक्षा में हैं
}, और एक समय में इससे ज़्यादा नहीं हो सकते। { $site } के एडमिन हर भुगतान को अपने बैंक स्टेटमेंट से मिलाते हैं, और किसी पर फ़ैसला होने पर आपको ईमेल मिलता है। उसके बाद अपने UTR से इस भुगतान की पुष्टि करें: इस पेज को खोलने के 24 घंटे तक इसकी पुष्टि हो सकती है; उसके बाद पैक फिर से खोलें।

## भुगतान अनुरोध का पेज।

payments-state-pending = मंज़ूरी की प्रतीक्षा में
payments-state-approved = मंज़ूर
payments-state-rejected = अस्वीकृत
payments-receipt-title = रसीद { $reference }
payments-payment-title = भुगतान { $reference }
payments-payment-description = { $site } को आपका { $amount } का भुगतान।
payments-payment = भुगतान
payments-approved-title = भुगतान मंज़ूर हुआ
payments-approved-lead = आपके बैलेंस में { $credits } जोड़ दिए गए। यह पेज आपकी रसीद है।
payments-rejected-title = भुगतान मंज़ूर नहीं हुआ
payments-rejected-lead = हम इस भुगतान का मिलान नहीं कर सके, इसलिए कोई { $units } नहीं जोड़े गए।
payments-pending-title = धन्यवाद, हम आपका भुगतान जाँच रहे हैं
payments-pending-lead = जैसे ही कोई एडमिन बैंक स्टेटमेंट में यह भुगतान ढूँढ लेगा, आपके { $credits } जोड़ दिए जाएँगे।
payments-next-title = आगे क्या होगा
payments-next-check = { $site } के एडमिन अपने बैंक स्टेटमेंट में UTR <span class="mono">{ $utr }</span> वाला { $amount } का भुगतान खोजते हैं; फ़ैसला होने पर आपको ईमेल मिलता है।
payments-next-found = भुगतान मिलते ही आपके { $credits } आपके बैलेंस में जोड़ दिए जाते हैं।
payments-next-unmatched = अगर मिलान नहीं हो पाया, तो हम ईमेल से आपको कारण बताएँगे, और यह पेज भी उसे दिखाएगा।
payments-next-question = इस भुगतान के बारे में कोई सवाल है? सपोर्ट से संपर्क करें और रेफ़रेंस <span class="mono">{ $reference }</span> और UTR <span class="mono">{ $utr }</span> बताएँ।
payments-reason-title = यह मंज़ूर क्यों नहीं हुआ
payments-rejected-help = अगर आपने भुगतान किया था, तो रेफ़रेंस <span class="mono">{ $reference }</span>, UTR <span class="mono">{ $utr }</span> और भुगतान के स्क्रीनशॉट के साथ सपोर्ट से संपर्क करें।
payments-rejected-help-buy = अगर आपने भुगतान किया था, तो रेफ़रेंस <span class="mono">{ $reference }</span>, UTR <span class="mono">{ $utr }</span> और भुगतान के स्क्रीनशॉट के साथ सपोर्ट से संपर्क करें, या सही UTR के साथ <a href="/buy">भुगतान की फिर से पुष्टि करें</a>।
payments-receipt = रसीद
payments-details = भुगतान का विवरण
payments-date = तारीख़
payments-submitted = जमा किया गया
payments-decided = फ़ैसला हुआ
payments-reference = रेफ़रेंस
payments-utr = UTR
payments-pack = पैक
payments-paid-by = भुगतान माध्यम
payments-method = भुगतान का तरीक़ा
payments-upi-to = <span class="mono break-anywhere">{ $vpa }</span> को UPI से
payments-account = अकाउंट
payments-print = रसीद प्रिंट करें
payments-yours = आपके भुगतान

payments-older-link-damaged = पुराने भुगतानों का यह लिंक ख़राब है। अपना अकाउंट पेज फिर से खोलें और उसका “पुराने भुगतान” लिंक इस्तेमाल करें।
