# त्रुटि के पन्ने: क्या ग़लत हुआ, एक शीर्षक और एक वाक्य में, और साइट का "कुछ समय के लिए
# उपलब्ध नहीं" पन्ना। $site साइट का नाम है।

errors-status = त्रुटि { $status }:
errors-back-home = होम पर वापस जाएँ
errors-browse-faq = सवाल-जवाब देखें
errors-contact-support = लगता है यह ग़लती है? सहायता टीम से संपर्क करें:
errors-email-us = { $address } पर ईमेल करें
errors-whatsapp = व्हाट्सऐप +{ $number }

errors-not-found-title = पन्ना नहीं मिला
errors-not-found = हमने हर जगह देखा, पर इस पते पर कुछ नहीं है।
errors-forbidden-title = आप यह पन्ना नहीं खोल सकते
errors-forbidden = आपका खाता यह पन्ना नहीं खोल सकता। अगर आपको लगता है कि खोल पाना चाहिए, तो सहायता टीम से संपर्क करें।
errors-form-expired-title = इस फ़ॉर्म की समय-सीमा ख़त्म हो गई है
errors-form-expired = आपकी सुरक्षा के लिए फ़ॉर्म स्वीकार नहीं किया जा सका: वह बहुत देर तक खुला रहा या किसी पुराने टैब से आया। वापस जाएँ, पन्ना फिर से लोड करें और दोबारा कोशिश करें।
errors-cross-site-title = अनुरोध रोका गया
errors-cross-site = यह अनुरोध किसी दूसरी वेबसाइट से आया, इसलिए हमने इस पर कुछ नहीं किया। अगर आप यही साइट इस्तेमाल कर रहे थे, तो वापस जाकर फिर से कोशिश करें।
errors-too-many-attempts-title = बहुत ज़्यादा कोशिशें
errors-too-many-attempts = आपके खाते की सुरक्षा के लिए हमने इसे थोड़ी देर के लिए रोक दिया है। कृपया { errors-wait } बाद फिर से कोशिश करें।
errors-too-many-mails-title = बहुत ज़्यादा ईमेल
errors-too-many-mails = हाल ही में कई ईमेल माँगे गए, इसलिए अभी हमने और नहीं भेजे। सबसे नए ईमेल के लिए अपना इनबॉक्स और स्पैम फ़ोल्डर देखें, या { errors-wait } बाद फिर से माँगें।
errors-bad-request-title = हम यह अनुरोध नहीं पढ़ पाए
# $detail: फ़ॉर्म पढ़ने वाले ने क्या कहा, अंग्रेज़ी में।
errors-form-unreadable = फ़ॉर्म पढ़ा नहीं जा सका: { $detail }
errors-too-large-title = यह बहुत बड़ा था
errors-too-large = अनुरोध उससे बड़ा था जितना हम लेते हैं।
errors-busy-title = इस समय बहुत से लोग साइन इन कर रहे हैं
errors-busy = इस पल इतने लोग साइन इन कर रहे हैं कि आपके अनुरोध को अपनी बारी के लिए बहुत देर रुकना पड़ा। कुछ भी नहीं बदला है: कृपया कुछ सेकंड बाद फिर से कोशिश करें।
errors-internal-title = कुछ गड़बड़ हो गई
errors-internal = एक अनचाही त्रुटि ने यह पन्ना रोक दिया। इसे दर्ज कर लिया गया है; कृपया थोड़ी देर में फिर से कोशिश करें।
# कितना रुकना है: पूरे मिनट, या एक मिनट से कम हो तो सेकंड ($minutes 0 होता है)।
# ऊपर के दोनों संदेश इसे { errors-wait } से कहते हैं, जो उनके $minutes और $seconds देखता है।
errors-wait = { $minutes ->
        [0] { $seconds ->
            [0] { $seconds } सेकंड
            [one] { $seconds } सेकंड
           *[other] { $seconds } सेकंड
        }
        [one] { $minutes } मिनट
       *[other] { $minutes } मिनट
    }

## डेटाबेस ने अपने किसी नियम से जिसे लिखने से मना किया

errors-taken-title = यह पहले से लिया जा चुका है
# $field: चीज़ का नाम, जैसा कोड उसे कहता है ("slug", "domain")।
errors-taken-field = यह { $field } पहले से लिया जा चुका है; कोई दूसरा चुनें।
errors-taken = इस वैल्यू के साथ कुछ पहले से मौजूद है; कोई दूसरी चुनें।
errors-not-saved-title = हम इसे सहेज नहीं पाए
errors-invalid-value = कोई वैल्यू यहाँ की इजाज़त से बाहर है; उसे जाँचकर फिर से कोशिश करें।
errors-unknown-reference = यह किसी ऐसी चीज़ की ओर इशारा करता है जो (अब) मौजूद नहीं है।

## ऐसा होस्ट जो कोई साइट नहीं, और ऐसी साइट जो खुली नहीं

errors-no-site-title = नहीं मिला
errors-no-site = इस पते पर कोई साइट नहीं है।
errors-service-unavailable = सेवा कुछ समय के लिए उपलब्ध नहीं है
errors-unavailable-title = कुछ समय के लिए उपलब्ध नहीं
errors-unavailable-description = { $site } कुछ समय के लिए उपलब्ध नहीं है। कृपया जल्द ही फिर आएँ।
errors-unavailable-heading = { $site } थोड़े से विराम पर है
errors-unavailable-message = साइट कुछ समय के लिए उपलब्ध नहीं है। आपकी तरफ़ से कुछ ग़लत नहीं है, और आपको कुछ करने की ज़रूरत नहीं है। कृपया थोड़ी देर बाद फिर आएँ।
errors-unavailable-reach-us = इस बीच हमसे संपर्क करना है?
