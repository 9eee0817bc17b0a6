# साइट एडमिन की भुगतान डेस्क: फ़ैसले की प्रतीक्षा वाले अनुरोध, उन्हें मंज़ूर या अस्वीकार करना,
# CSV एक्सपोर्ट; और प्लैटफ़ॉर्म कंसोल में हर टेनेंट के भुगतानों की सूची। $site साइट का नाम है;
# $amount लिखी हुई रक़म ("₹149.00"); $email भुगतान करने वाले का पता; $credits इकाई सहित
# क्रेडिट ("50 Sparks")।

admin-payments-payments = भुगतान
admin-payments-admin = एडमिन
admin-payments-description = { $site } पर फ़ैसले की प्रतीक्षा वाले भुगतान।
admin-payments-waiting-count = { $count } प्रतीक्षा में
admin-payments-lead = मंज़ूर करने से पहले अपने बैंक स्टेटमेंट या UPI ऐप में भुगतान ढूँढें: सिर्फ़ UTR से कुछ साबित नहीं होता। मंज़ूर करते ही { $units } तुरंत जुड़ जाते हैं और खरीदार को मेल जाता है; अस्वीकार करने पर उन्हें आपका कारण मेल किया जाता है।
admin-payments-go-to-reason = कारण पर जाएँ

## फ़िल्टर।

admin-payments-find = भुगतान खोजें
admin-payments-show = दिखाएँ
admin-payments-show-pending = फ़ैसले की प्रतीक्षा में
admin-payments-show-approved = मंज़ूर
admin-payments-show-rejected = अस्वीकृत
admin-payments-show-all = सभी भुगतान
admin-payments-search = UTR, रेफ़रेंस या ईमेल
admin-payments-search-example = 432187650912, AT… या ईमेल की शुरुआत
admin-payments-from = इस दिन से जमा हुए
admin-payments-through = इस दिन तक
admin-payments-days-hint = दिन भारतीय समय (IST, UTC+05:30) के अनुसार हैं, आधी रात से आधी रात तक; दोनों दिन शामिल हैं। UTR या रेफ़रेंस पूरा मेल खाना चाहिए; ईमेल शुरुआत से मेल खाता है।
admin-payments-show-button = भुगतान दिखाएँ
admin-payments-clear = फ़िल्टर हटाएँ

## सूची।

admin-payments-caption-pending = फ़ैसले की प्रतीक्षा वाले भुगतान, सबसे पुराने पहले
admin-payments-caption-all = भुगतान, सबसे नए पहले
admin-payments-buyer-and-pack = खरीदार और पैक
admin-payments-amount = राशि
admin-payments-utr-and-reference = UTR और रेफ़रेंस
admin-payments-utr = UTR
admin-payments-reference = रेफ़रेंस
admin-payments-submitted-ist = जमा किया गया (IST)
admin-payments-submitted = जमा किया गया
admin-payments-state = स्थिति
admin-payments-decide = फ़ैसला करें
admin-payments-account-deleted = अकाउंट हटाया गया
admin-payments-waiting = प्रतीक्षा में
admin-payments-approved = मंज़ूर
admin-payments-rejected = अस्वीकृत
admin-payments-decided-by = { $at }, <span class="break-anywhere">{ $by }</span> द्वारा
admin-payments-approve = मंज़ूर करें<span class="visually-hidden">: { $email } से { $amount }</span>
admin-payments-reject = अस्वीकार करें…<span class="visually-hidden">: { $email } से { $amount }</span>
admin-payments-reason-label = कारण — खरीदार इसे अपने मेल में पढ़ेंगे
admin-payments-reason-example = इस UTR वाला कोई भुगतान हमारे खाते में नहीं आया।
admin-payments-reject-button = यह भुगतान अस्वीकार करें
admin-payments-pages = भुगतान के पेज
admin-payments-first-page = ← पहला पेज
admin-payments-next = अगला →
admin-payments-nothing-listed = अभी कुछ नहीं दिखाया गया
admin-payments-fix-filter = ऊपर चिह्नित फ़िल्टर ठीक करें और भुगतान फिर से दिखाएँ।
admin-payments-no-more = इस सूची में और भुगतान नहीं हैं
admin-payments-end = आप सूची के अंत तक पहुँच गए हैं।
admin-payments-back-first = पहले पेज पर वापस जाएँ
admin-payments-no-match = इन फ़िल्टर से कोई भुगतान मेल नहीं खाता
admin-payments-no-match-hint = UTR या रेफ़रेंस का हर अंक जाँचें, या दिनों की सीमा बढ़ाएँ।
admin-payments-nothing-to-decide = फ़ैसले के लिए कुछ नहीं है
admin-payments-none-waiting = कोई भुगतान प्रतीक्षा में नहीं है। उपयोगकर्ता जैसे ही भुगतान की पुष्टि करेंगे, नए भुगतान यहाँ दिखेंगे।

## सूची के नीचे के टूल।

admin-payments-match-statement = बैंक स्टेटमेंट से मिलान करें
admin-payments-match-hint = आपका बैंक जो CSV एक्सपोर्ट करता है, उसे अपलोड करें: जिस भी प्रतीक्षा वाले भुगतान का UTR और राशि उसमें दिखती है, उस पर निशान लग जाता है, ताकि आप एक ही बार में मंज़ूर कर सकें। आपकी पुष्टि तक कुछ भी मंज़ूर नहीं होता।
admin-payments-upload-statement = स्टेटमेंट अपलोड करें
admin-payments-export-title = स्प्रेडशीट में एक्सपोर्ट करें
admin-payments-export-hint = इन दिनों (भारतीय समय) में जमा हुए भुगतानों की CSV फ़ाइल, सबसे पुराने पहले, एक बार में ज़्यादा से ज़्यादा 366 दिन।
admin-payments-export-refused = एक्सपोर्ट शुरू होने से पहले एक बदलाव ज़रूरी है; चिह्नित फ़ील्ड देखें।
admin-payments-first-day = पहला दिन
admin-payments-last-day = आख़िरी दिन
admin-payments-export-all = सभी
admin-payments-download = CSV डाउनलोड करें

## फ़ैसले के बाद डेस्क का संदेश, और फ़ैसला न होने का कारण।

admin-payments-approved-notice = { $email } से { $amount } मंज़ूर किया गया: उनके बैलेंस में { $credits } जोड़ दिए गए, और उन्हें मेल से बताया गया है।
admin-payments-rejected-notice = { $email } से { $amount } अस्वीकार किया गया। उन्हें आपका कारण मेल से बताया गया है।
admin-payments-own-note = आपके अपने भुगतान पर फ़ैसला किसी दूसरे एडमिन को करना होगा। अगर आप इस साइट के अकेले एडमिन हैं, तो प्लैटफ़ॉर्म के एडमिनिस्ट्रेटर से कहें।
admin-payments-own-payment = { $email } से { $amount } का भुगतान (UTR { $utr }) आपके अपने अकाउंट से किया गया था, और आपके अपने भुगतान पर फ़ैसला किसी दूसरे एडमिन को करना होगा, इसलिए कुछ नहीं बदला गया।
admin-payments-already-decided = { $email } से { $amount } का भुगतान (UTR { $utr }) { $at } (भारतीय समय) पर { $by } द्वारा पहले ही { $state ->
    [approved] मंज़ूर
   *[rejected] अस्वीकार
} किया जा चुका था, इसलिए कुछ नहीं बदला गया।
admin-payments-already-decided-undated = { $email } से { $amount } का भुगतान (UTR { $utr }) { $by } द्वारा पहले ही { $state ->
    [approved] मंज़ूर
   *[rejected] अस्वीकार
} किया जा चुका था, इसलिए कुछ नहीं बदला गया।
admin-payments-former-admin = एक एडमिन जो अब नहीं हैं
admin-payments-account-gone = यह भुगतान करने वाला अकाउंट हटा दिया गया है, इसलिए क्रेडिट जोड़ने के लिए कोई बैलेंस नहीं है और कुछ नहीं बदला गया। इसकी जगह इसे कारण के साथ अस्वीकार करें (भुगतान करने वाला माँगे तो पैसे लौटा दें)।
admin-payments-not-rejected = { $email } से { $amount } का भुगतान अस्वीकार नहीं किया गया: { $why }

admin-payments-utr-approved = यह UTR { $date } को { $by } द्वारा मंज़ूर किया गया था ({ $email }, रेफ़रेंस { $reference })।
admin-payments-utr-rejected = यह UTR { $date } को { $by } द्वारा अस्वीकार किया गया था ({ $email }, रेफ़रेंस { $reference })।
admin-payments-utr-rejected-reason = यह UTR { $date } को { $by } द्वारा अस्वीकार किया गया था: “{ $reason }” ({ $email }, रेफ़रेंस { $reference })।

## फ़िल्टर और एक्सपोर्ट के संदेश। $first और $last दिन हैं, YYYY-MM-DD में लिखे।

admin-payments-days-backwards = आख़िरी दिन ({ $last }) पहले दिन ({ $first }) से पहले है; दोनों को आपस में बदल दें।
admin-payments-choose-state = प्रतीक्षा में, मंज़ूर, अस्वीकृत या सभी में से चुनें।
admin-payments-search-too-long = UTR, रेफ़रेंस या ईमेल पते की शुरुआत से खोजें (ज़्यादा से ज़्यादा { $max } अक्षर)।
admin-payments-search-control = खोज में ऐसा अक्षर है जो टाइप नहीं किया जा सकता।
admin-payments-link-damaged = इस पेज का लिंक ख़राब है। भुगतान डेस्क फिर से खोलें और उसका "अगला" लिंक इस्तेमाल करें।
admin-payments-export-first = एक्सपोर्ट का पहला दिन चुनें।
admin-payments-export-last = एक्सपोर्ट का आख़िरी दिन चुनें।
admin-payments-export-too-long = एक फ़ाइल में ज़्यादा से ज़्यादा { $max } दिन आ सकते हैं, और { $first } से { $last } तक { $days } दिन हैं। इसे दो हिस्सों में एक्सपोर्ट करें।

## प्लैटफ़ॉर्म कंसोल में हर टेनेंट के भुगतानों की सूची। $platform प्लैटफ़ॉर्म का नाम है।

admin-payments-console = कंसोल
admin-payments-platform-description = { $platform } पर हर टेनेंट के भुगतान अनुरोध।
admin-payments-platform-eyebrow = { $platform } कंसोल
admin-payments-platform-lead = हर टेनेंट के भुगतान अनुरोध, सबसे नए पहले। यह सूची सिर्फ़ पढ़ने के लिए है: हर टेनेंट के एडमिन अपने भुगतान ख़ुद मंज़ूर या अस्वीकार करते हैं।
admin-payments-filter = भुगतान फ़िल्टर करें
admin-payments-tenant = टेनेंट
admin-payments-all-tenants = सभी टेनेंट
admin-payments-any-state = कोई भी स्थिति
admin-payments-pending = प्रतीक्षा में
admin-payments-clear-short = हटाएँ
admin-payments-platform-caption = भुगतान अनुरोध, सबसे नए पहले
admin-payments-buyer = खरीदार
admin-payments-credits = क्रेडिट
admin-payments-reference-utr = रेफ़रेंस · UTR
admin-payments-ref-utr = रेफ़. · UTR
admin-payments-decided = फ़ैसला
admin-payments-by = { $by } द्वारा
admin-payments-not-yet = अभी नहीं
admin-payments-newest = ← सबसे नए
admin-payments-older = पुराने →
admin-payments-no-older = इससे पुराने भुगतान नहीं हैं
admin-payments-list-end = सूची यहीं ख़त्म होती है।
admin-payments-back-newest = सबसे नए पर वापस जाएँ
admin-payments-platform-no-match = कोई भुगतान मेल नहीं खाता
admin-payments-platform-no-match-hint = इस टेनेंट और स्थिति वाला कोई भुगतान अनुरोध नहीं है। सभी देखने के लिए फ़िल्टर हटाएँ।
admin-payments-none-yet = अभी तक कोई भुगतान नहीं
admin-payments-none-yet-hint = किसी भी टेनेंट की साइट पर कोई खरीदार UPI भुगतान की पुष्टि करेगा, तो वह अनुरोध यहाँ दिखेगा।
admin-payments-no-tenant = “{ $slug }” नाम का कोई टेनेंट नहीं है। सूची में से कोई एक चुनें।
admin-payments-choose-platform-state = कोई स्थिति चुनें: प्रतीक्षा में (pending), मंज़ूर (approved) या अस्वीकृत (rejected)।
admin-payments-platform-link-damaged = वह पेज लिंक ख़राब है। सबसे नए भुगतानों से फिर शुरू करें।

## बैंक स्टेटमेंट से मिलान: अपलोड फ़ॉर्म।

admin-payments-statement-title = बैंक स्टेटमेंट से मिलान करें
admin-payments-statement-description = अपने बैंक स्टेटमेंट में आई रक़मों का { $site } पर प्रतीक्षा वाले भुगतान अनुरोधों से मिलान करें।
admin-payments-desk = भुगतान डेस्क
admin-payments-statement-lead = आपका बैंक जो स्टेटमेंट एक्सपोर्ट करता है, उसे अपलोड करें और देखें कि UTR और राशि के हिसाब से वह प्रतीक्षा वाले किन भुगतान अनुरोधों का भुगतान करता है। जब तक आप मिलान वाले अनुरोधों पर निशान लगाकर अगले पेज पर पुष्टि नहीं करते, कुछ भी मंज़ूर नहीं होता।
admin-payments-statement-which-file = कौन-सी फ़ाइल अपलोड करें
admin-payments-statement-step-download = अपनी नेट बैंकिंग में वह खाता खोलें जिसमें आपके ग्राहक भुगतान करते हैं, और जिन दिनों की जाँच करनी है, उनका स्टेटमेंट डाउनलोड करें।
admin-payments-statement-step-csv = फ़ॉर्मैट के रूप में <strong>CSV</strong> चुनें (कुछ बैंक इसे "delimited" या "comma separated" कहते हैं)।
admin-payments-statement-step-excel = अगर आपका बैंक सिर्फ़ Excel (.xls या .xlsx) देता है, तो पहले फ़ाइल खोलकर उसे CSV के रूप में सेव करें। PDF स्टेटमेंट पढ़े नहीं जा सकते।
admin-payments-statement-size = ज़्यादा से ज़्यादा { $megabytes } MB; एक-दो महीने के लेन-देन काफ़ी हैं।
admin-payments-statement-bank = आपका बैंक
admin-payments-statement-bank-columns = कॉलम: { $columns }
admin-payments-statement-columns-with = { $amount }, साथ में { $direction }
admin-payments-statement-other-bank = कोई दूसरा बैंक: मैं कॉलम के नाम लिखूँगा
admin-payments-statement-other-bank-hint = अपनी फ़ाइल की हेडर पंक्ति से कॉलम के नाम लिखें।
admin-payments-statement-columns = आपके स्टेटमेंट के कॉलम
admin-payments-statement-columns-hint = सिर्फ़ "कोई दूसरा बैंक" के लिए। हर नाम वैसे ही लिखें जैसे फ़ाइल की हेडर पंक्ति में है; बड़े-छोटे अक्षरों और स्पेस से फ़र्क़ नहीं पड़ता।
admin-payments-statement-optional = (वैकल्पिक)
admin-payments-statement-date-column = तारीख़ का कॉलम
admin-payments-statement-date-example = Txn Date
admin-payments-statement-reference-column = रेफ़रेंस या UTR का कॉलम
admin-payments-statement-reference-example = Ref No.
admin-payments-statement-narration-column = विवरण (narration) का कॉलम
admin-payments-statement-narration-example = Description
admin-payments-statement-narration-hint = जब रेफ़रेंस कॉलम में 12 अंकों का UTR न हो, तो इसमें खोजा जाता है।
admin-payments-statement-money = स्टेटमेंट में आने और जाने वाला पैसा कैसे दिखता है
admin-payments-statement-split = जमा और निकासी के अलग-अलग कॉलम
admin-payments-statement-single = राशि का एक कॉलम
admin-payments-statement-credit-column = जमा (credit) का कॉलम
admin-payments-statement-credit-example = Credit
admin-payments-statement-debit-column = निकासी (debit) का कॉलम
admin-payments-statement-debit-example = Debit
admin-payments-statement-amount-column = राशि का कॉलम
admin-payments-statement-amount-example = Amount
admin-payments-statement-direction-column = Dr/Cr कॉलम
admin-payments-statement-direction-example = Dr / Cr
admin-payments-statement-direction-hint = अगर निकासी ऋणात्मक (माइनस) राशि के रूप में दिखती है, तो इसे ख़ाली छोड़ दें।
admin-payments-statement-file = स्टेटमेंट फ़ाइल (CSV)
admin-payments-statement-header-hints = आपकी फ़ाइल की ये पंक्तियाँ हेडर पंक्ति जैसी दिखती हैं; "कोई दूसरा बैंक" चुनें और सही पंक्ति से नाम लिखें:
admin-payments-statement-remembered = हम अगली बार के लिए आपके बैंक के कॉलम याद रखते हैं। फ़ाइल ख़ुद नहीं रखी जाती।
admin-payments-statement-read = स्टेटमेंट पढ़ें
admin-payments-statement-reassure = इस चरण में कुछ भी मंज़ूर नहीं होता: पहले आप मिलान देखेंगे।

admin-payments-statement-choose-bank = अपना बैंक चुनें, या कॉलम के नाम ख़ुद लिखने के लिए "कोई दूसरा बैंक" चुनें।
admin-payments-statement-choose-amounts = चुनें कि स्टेटमेंट में आने और जाने वाला पैसा कैसे दिखता है।
admin-payments-statement-no-file = अपने बैंक से डाउनलोड की गई स्टेटमेंट फ़ाइल (CSV) चुनें।
admin-payments-statement-broken = पूरी फ़ाइल पहुँचने से पहले ही अपलोड रुक गया। फ़ाइल चुनकर फिर से अपलोड करें।

## स्टेटमेंट किन अनुरोधों से मेल खाता है (पूर्वावलोकन), और निशान वालों को मंज़ूर करने का नतीजा।

admin-payments-statement-matches = स्टेटमेंट के मिलान
admin-payments-statement-matches-description = वे भुगतान अनुरोध जिनका भुगतान आपके बैंक स्टेटमेंट में है।
admin-payments-statement-read-lines = हेडर पंक्ति (पंक्ति { $line }) के नीचे { $count ->
    [0] { $count } जमा राशियाँ पढ़ी गईं
    [one] { $count } जमा राशि पढ़ी गई
   *[other] { $count } जमा राशियाँ पढ़ी गईं
}। अभी तक कुछ भी मंज़ूर नहीं हुआ है।
admin-payments-statement-summary = { $summary }।
admin-payments-statement-no-matches = कोई मिलान नहीं
admin-payments-statement-match-count = { $count } मिलान
admin-payments-statement-differs-count = { $count } में राशि अलग है
admin-payments-statement-outside-count = { $count } भुगतान तारीख़ों से बाहर
admin-payments-statement-unknown-count = { $count ->
    [0] { $count } जमा राशियाँ किसी प्रतीक्षा वाले अनुरोध से मेल नहीं खातीं
    [one] { $count } जमा राशि किसी प्रतीक्षा वाले अनुरोध से मेल नहीं खाती
   *[other] { $count } जमा राशियाँ किसी प्रतीक्षा वाले अनुरोध से मेल नहीं खातीं
}
admin-payments-statement-problem-count = { $count ->
    [0] { $count } पंक्तियाँ पढ़ी नहीं जा सकीं
    [one] { $count } पंक्ति पढ़ी नहीं जा सकी
   *[other] { $count } पंक्तियाँ पढ़ी नहीं जा सकीं
}
admin-payments-statement-matched = मिलान
admin-payments-statement-matched-lead = स्टेटमेंट में अनुरोध के UTR वाली, पैक की कीमत जितनी जमा राशि है, जो अनुरोध के { $days } दिनों के भीतर की है। जिन्हें अभी मंज़ूर नहीं करना है, उनसे निशान हटा दें।
admin-payments-statement-approve = मंज़ूर करें
admin-payments-statement-person = व्यक्ति
admin-payments-statement-pack = पैक
admin-payments-statement-statement = स्टेटमेंट
admin-payments-statement-utr-lines = UTR { $count } पंक्तियों में है: निशान लगाने से पहले जाँच लें
admin-payments-statement-none-matched = इस स्टेटमेंट में किसी भी प्रतीक्षा वाले अनुरोध के UTR और कीमत वाली जमा राशि नहीं है।
admin-payments-statement-outside = तारीख़ों से बाहर
admin-payments-statement-outside-lead = UTR और राशि मेल खाते हैं, लेकिन बैंक ने जमा राशि अनुरोध से { $days } दिनों से ज़्यादा के अंतर पर दर्ज की: शायद किसी पुराने भुगतान का UTR फिर से टाइप किया गया है। इन पर निशान नहीं लगाया गया; पूरी तरह पक्का हो तभी निशान लगाएँ।
admin-payments-statement-booked-after = अनुरोध के { $days } दिन बाद दर्ज हुआ
admin-payments-statement-booked-before = अनुरोध से { $days } दिन पहले दर्ज हुआ
admin-payments-statement-approve-ticked = निशान वाले अनुरोध मंज़ूर करें
admin-payments-statement-approve-hint = निशान वाला हर अनुरोध अलग से मंज़ूर होता है: उसके क्रेडिट जुड़ जाते हैं और उसके मालिक को ईमेल जाता है।
admin-payments-statement-upload-another = दूसरा स्टेटमेंट अपलोड करें
admin-payments-statement-differs = राशि अलग है
admin-payments-statement-differs-lead = स्टेटमेंट में अनुरोध का UTR है, लेकिन पैक की कीमत जितनी राशि नहीं। इन्हें यहाँ से मंज़ूर नहीं किया जा सकता: उस व्यक्ति से बात करें, फिर <a href="/admin/payments">भुगतान डेस्क</a> पर फ़ैसला करें।
admin-payments-statement-expected = अपेक्षित
admin-payments-statement-found = मिली
admin-payments-statement-submitted = जमा किया गया { $at }
admin-payments-statement-line = पंक्ति { $line } · { $date }
admin-payments-statement-line-label = पंक्ति { $line }:
admin-payments-statement-unknown = ऐसी जमा राशियाँ जिनका कोई प्रतीक्षा वाला अनुरोध नहीं है
admin-payments-statement-unknown-lead = इन UTR के साथ पैसा आया, लेकिन इनके साथ कोई अनुरोध प्रतीक्षा में नहीं है: पहले ही फ़ैसला हो चुका है, अभी पुष्टि नहीं हुई है, या यह किसी और चीज़ का भुगतान है।
admin-payments-statement-on-site = { $site } पर
admin-payments-statement-earlier = पहले
admin-payments-statement-unconfirmed = इस UTR वाला कोई अनुरोध अभी नहीं है: हो सकता है भुगतान करने वाले ने अभी पुष्टि न की हो।
admin-payments-statement-more-unknown = और { $count } जो यहाँ नहीं दिखाई गईं।
admin-payments-statement-without-utr = { $count ->
    [0] { $count } जमा राशियों में
    [one] { $count } जमा राशि में
   *[other] { $count } जमा राशियों में
} 12 अंकों का कोई UTR नहीं है (बैंक ट्रांसफ़र, नकद, बैच सेटलमेंट), इसलिए इनसे किसी अनुरोध का भुगतान नहीं हो सकता।
admin-payments-statement-problems = वे पंक्तियाँ जो हम पढ़ नहीं सके
admin-payments-statement-problems-lead = ये पंक्तियाँ छोड़ दी गईं। अगर इनमें कोई भुगतान है, तो उसे अपनी नेट बैंकिंग में जाँचें और भुगतान डेस्क पर फ़ैसला करें।
admin-payments-statement-more-problems = और ऐसी ही { $count } पंक्तियाँ।
admin-payments-statement-not-offered = उपलब्ध नहीं: यह आपका अपना भुगतान है
admin-payments-statement-note-this = भुगतान के नोट में इसी अनुरोध का रेफ़रेंस है।
admin-payments-statement-note-mine = भुगतान के नोट में <span class="mono">{ $reference }</span> है, जो इसी व्यक्ति का दूसरा अनुरोध है।
admin-payments-statement-note-another = भुगतान के नोट में <span class="mono">{ $reference }</span> है, जो किसी दूसरे व्यक्ति का अनुरोध है: हो सकता है किसी ने उस व्यक्ति के भुगतान की पुष्टि उसके UTR से कर दी हो। निशान नहीं लगाया गया।
admin-payments-statement-note-unknown = भुगतान के नोट में <span class="mono">{ $reference }</span> है, जो यहाँ किसी अनुरोध का नहीं है (शायद पुष्टि से पहले चेकआउट पेज फिर से खोला गया था)।

admin-payments-approved-title = स्टेटमेंट से मंज़ूर किए गए
admin-payments-approved-description = बैंक स्टेटमेंट से मंज़ूर किए गए भुगतान अनुरोधों का क्या हुआ।
admin-payments-approved-nothing = कुछ भी मंज़ूर नहीं हुआ
admin-payments-approved-heading = { $count ->
    [0] { $count } अनुरोध मंज़ूर किए गए
    [one] { $count } अनुरोध मंज़ूर किया गया
   *[other] { $count } अनुरोध मंज़ूर किए गए
}
admin-payments-approved-sentence = { $summary }।
admin-payments-approved-summary = { $count } मंज़ूर
admin-payments-approved-already-count = { $count } पर पहले ही फ़ैसला हो चुका था
admin-payments-approved-own-count = { $count } आपके अपने
admin-payments-approved-not-found-count = { $count } नहीं मिले
admin-payments-approved-gone-count = { $count } हटाए गए अकाउंट के
admin-payments-approved-failed-count = { $count } विफल
admin-payments-approved-lead = उनके क्रेडिट जोड़ दिए गए और हर व्यक्ति को ईमेल भेजा गया।
admin-payments-approved-already = पहले ही फ़ैसला हो चुका था
admin-payments-approved-already-lead = आपकी पुष्टि से पहले ही किसी ने इन पर फ़ैसला कर दिया था; कुछ नहीं बदला।
admin-payments-approved-own = आपके अपने भुगतान
admin-payments-approved-own-lead = ये अनुरोध आपके अपने अकाउंट से किए गए थे। आपके अपने भुगतान पर फ़ैसला किसी दूसरे एडमिन को करना होगा; कुछ नहीं बदला।
admin-payments-approved-not-found = { $count ->
    [0] निशान वाले { $count } अनुरोध { $site } पर नहीं मिले; उनके लिए कुछ नहीं बदला।
    [one] निशान वाला { $count } अनुरोध { $site } पर नहीं मिला; उसके लिए कुछ नहीं बदला।
   *[other] निशान वाले { $count } अनुरोध { $site } पर नहीं मिले; उनके लिए कुछ नहीं बदला।
}
admin-payments-approved-gone = { $count ->
    [0] { $count } अनुरोध ऐसे अकाउंट के हैं जो हटा दिए गए हैं, इसलिए क्रेडिट कहीं नहीं जा सकते; कुछ नहीं बदला। इन्हें भुगतान डेस्क पर अस्वीकार करें।
    [one] { $count } अनुरोध ऐसे अकाउंट का है जो हटा दिया गया है, इसलिए क्रेडिट कहीं नहीं जा सकते; कुछ नहीं बदला। इसे भुगतान डेस्क पर अस्वीकार करें।
   *[other] { $count } अनुरोध ऐसे अकाउंट के हैं जो हटा दिए गए हैं, इसलिए क्रेडिट कहीं नहीं जा सकते; कुछ नहीं बदला। इन्हें भुगतान डेस्क पर अस्वीकार करें।
}
admin-payments-approved-failed = { $count ->
    [0] हमारी ओर की एक गड़बड़ी के कारण { $count } अनुरोध अभी मंज़ूर नहीं हो सके; उनके लिए कुछ नहीं बदला। दोबारा कोशिश करने के लिए थोड़ी देर में स्टेटमेंट फिर से अपलोड करें।
    [one] हमारी ओर की एक गड़बड़ी के कारण { $count } अनुरोध अभी मंज़ूर नहीं हो सका; उसके लिए कुछ नहीं बदला। दोबारा कोशिश करने के लिए थोड़ी देर में स्टेटमेंट फिर से अपलोड करें।
   *[other] हमारी ओर की एक गड़बड़ी के कारण { $count } अनुरोध अभी मंज़ूर नहीं हो सके; उनके लिए कुछ नहीं बदला। दोबारा कोशिश करने के लिए थोड़ी देर में स्टेटमेंट फिर से अपलोड करें।
}
admin-payments-back-to-desk = भुगतान डेस्क पर वापस जाएँ
admin-payments-none-ticked = किसी अनुरोध पर निशान नहीं लगाया गया, इसलिए कुछ भी मंज़ूर नहीं हुआ। स्टेटमेंट फिर से अपलोड करें और जिन मिलानों को मंज़ूर करना है, उन पर निशान लगाएँ।
admin-payments-too-many-ticked = { $count } अनुरोधों पर निशान लगाया गया; एक बार में ज़्यादा से ज़्यादा { $max } मंज़ूर करें। कुछ भी मंज़ूर नहीं हुआ: कम अनुरोधों पर निशान लगाकर फिर कोशिश करें।
