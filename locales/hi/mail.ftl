# ईमेल के विषय और संदेश। $site साइट का नाम है।

mail-verify-subject = { $site } के लिए अपना ईमेल पक्का करें
mail-reset-subject = अपना { $site } पासवर्ड बदलें
mail-account-deleted-subject = आपका { $site } खाता मिटा दिया गया है
mail-payment-approved-subject = आपके { $site } बैलेंस में { $count } { $count ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} जोड़े गए
mail-payment-rejected-subject = आपका { $site } भुगतान पक्का नहीं हो सका

## हर ईमेल के साझा शब्द। $site साइट का नाम है; $email पाने वाले का पता।

mail-hello = नमस्ते,
mail-button-not-working = बटन काम नहीं कर रहा? यह पता अपने ब्राउज़र में कॉपी करें:
mail-contact-us = हमसे संपर्क करें:
mail-questions-contact-us = कोई सवाल? हमसे संपर्क करें:
mail-contact-email = ईमेल: { $address }
mail-contact-whatsapp = व्हाट्सऐप: +{ $number }
mail-footer-sent = यह ईमेल { $site } ने { $email } पर भेजा है।
# $email और $whatsapp साइट के सहायता पते और WhatsApp नंबर के लिंक हैं।
mail-footer-questions-both = कोई सवाल? { $email } पर लिखें या व्हाट्सऐप पर { $whatsapp } को संदेश भेजें।
mail-footer-questions-email = कोई सवाल? { $email } पर लिखें।
mail-footer-questions-whatsapp = कोई सवाल? व्हाट्सऐप पर { $whatsapp } को संदेश भेजें।
mail-amount = रकम
mail-reference = रेफ़रेंस
mail-reference-line = रेफ़रेंस: { $reference }
mail-utr-line = UPI ट्रांज़ैक्शन ID (UTR): { $utr }
# मुफ़्त क्रेडिट की संख्या, नीचे के संदेशों के $credits के लिए।
mail-free-credits = { $count } मुफ़्त { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    }

## ईमेल पता पक्का करना। $expires: लिंक कितनी देर चलता है ("24 घंटे")।

mail-verify-preheader = { $site } के लिए अपना ईमेल पता पक्का करें।
mail-verify-preheader-bonus = { $site } के लिए अपना ईमेल पता पक्का करें और { $credits } पाएँ।
mail-verify-title = अपना ईमेल पता पक्का करें
mail-verify-intro = कृपया पुष्टि करें कि { $email } { $site } के लिए आपका ईमेल पता है।
mail-verify-open-link = पुष्टि करने के लिए यह लिंक खोलें:
mail-verify-bonus = पुष्टि करते ही हम आपके बैलेंस में { $credits } जोड़ देंगे।
mail-verify-button = मेरा ईमेल पता पक्का करें
mail-verify-expiry = यह लिंक एक ही बार काम करता है और { $expires } में ख़त्म हो जाएगा। अगर यह ख़त्म हो गया हो, तो साइन इन करके अपने खाते के पन्ने से नया लिंक मँगाएँ।
mail-verify-ignore = अगर आपने यह नहीं माँगा था, तो इस ईमेल को बेझिझक अनदेखा करें; पता बस बिना पुष्टि के रहेगा।

## पासवर्ड बदलना

mail-reset-preheader = अपने { $site } खाते के लिए नया पासवर्ड चुनें। यह लिंक { $expires } में ख़त्म हो जाएगा।
mail-reset-title = अपना पासवर्ड बदलें
mail-reset-intro = किसी ने, उम्मीद है आपने ही, { $email } वाले { $site } खाते का पासवर्ड बदलने को कहा है।
mail-reset-press = नया पासवर्ड चुनने के लिए बटन दबाएँ:
mail-reset-open-link = नया पासवर्ड चुनने के लिए यह लिंक खोलें:
mail-reset-button = नया पासवर्ड चुनें
mail-reset-expiry = यह लिंक एक ही बार काम करता है और { $expires } में ख़त्म हो जाएगा। अगर यह ख़त्म हो गया हो, तो साइन-इन पन्ने पर नया लिंक माँग सकते हैं।
mail-reset-ignore = अगर आपने यह नहीं माँगा था, तो इस ईमेल को बेझिझक अनदेखा करें: आपका पासवर्ड वही रहेगा और इस लिंक के बिना कोई उसे बदल नहीं सकता।

## मिटाया गया खाता

mail-deleted-preheader = आपके कहने पर आपका { $site } खाता मिटा दिया गया है।
mail-deleted-title = आपका खाता मिटा दिया गया है
mail-deleted-intro = आपके कहने पर आपका { $site } खाता ({ $email }) मिटा दिया गया है: आपका साइन-इन, प्रॉम्प्ट और तस्वीरें मिट गए हैं, और अब कोई भी इस पते और आपके पुराने पासवर्ड से साइन इन नहीं कर सकता।
mail-deleted-kept = हम आपके भुगतान और क्रेडिट का सिर्फ़ वह रिकॉर्ड रखते हैं जो क़ानून किसी कारोबार से रखवाता है, और उसमें ऐसा कुछ नहीं होता जिससे पता चले कि आप कौन हैं।
mail-deleted-not-you = अगर आपने अपना खाता नहीं मिटाया, तो किसी को आपका पासवर्ड पता था: तुरंत हमसे संपर्क करें।
mail-deleted-not-you-email = अगर आपने अपना खाता नहीं मिटाया, तो किसी को आपका पासवर्ड पता था: तुरंत { $address } पर हमसे संपर्क करें।

## भुगतान पर फ़ैसला। $credits: "50 Sparks"; $amount: "₹149.00"।

mail-approved-preheader = आपके { $site } बैलेंस में { $credits } जोड़े गए।
mail-approved-title = भुगतान पक्का हो गया
mail-approved-intro = आपका भुगतान पक्का हो गया है: आपके { $site } बैलेंस में { $credits } जोड़ दिए गए हैं।
mail-approved-text = आपका { $amount } का भुगतान पक्का हो गया है: आपके { $site } बैलेंस में { $credits } जोड़ दिए गए हैं।
mail-approved-receipt = आपकी रसीद: { $link }
mail-approved-button = अपनी रसीद देखें
mail-rejected-preheader = हम आपके { $amount } के भुगतान की पुष्टि नहीं कर सके: { $reason }
mail-rejected-title = हम आपके भुगतान की पुष्टि नहीं कर सके
mail-rejected-none-added = इस भुगतान के लिए कोई { $units } नहीं जोड़े गए।
mail-rejected-text = हम आपके { $amount } के भुगतान (रेफ़रेंस { $reference }, UTR { $utr }) की पुष्टि नहीं कर सके, इसलिए कोई { $units } नहीं जोड़े गए।
mail-rejected-reason-label = वजह:
mail-rejected-if-paid = अगर आपने भुगतान किया था, तो ऊपर दिए UTR और अपने UPI ऐप से भुगतान के स्क्रीनशॉट के साथ हमसे संपर्क करें, हम फिर से देखेंगे। आप खरीदें पन्ने पर भुगतान की फिर से पुष्टि भी कर सकते हैं।
mail-rejected-if-paid-link = अगर आपने भुगतान किया था, तो ऊपर दिए UTR और अपने UPI ऐप से भुगतान के स्क्रीनशॉट के साथ हमसे संपर्क करें, हम फिर से देखेंगे। आप खरीदें पन्ने पर भुगतान की फिर से पुष्टि भी कर सकते हैं: { $link }
mail-rejected-request = अनुरोध: { $link }
mail-rejected-button = अनुरोध देखें
