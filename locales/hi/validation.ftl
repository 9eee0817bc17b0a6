# फ़ॉर्म (या टेनेंट फ़ाइल) में लिखी गई कोई वैल्यू कैसी होनी चाहिए। जो संदेश छोटे अक्षर से
# शुरू होते हैं, वे फ़ील्ड के नाम के बाद आते हैं ("slug: 2 से 40 अक्षरों का होना चाहिए")।
# $value वही है जो लिखा गया, पहले से उद्धरण चिह्नों में।

## टेनेंट की सेटिंग्स

validation-slug-length = 2 से 40 अक्षरों का होना चाहिए
validation-slug-characters = में सिर्फ़ छोटे अंग्रेज़ी अक्षर, अंक और हाइफ़न हो सकते हैं
validation-slug-hyphen-ends = हाइफ़न से शुरू या ख़त्म नहीं होना चाहिए
validation-slug-reserved = प्लैटफ़ॉर्म के लिए आरक्षित है; कोई दूसरा चुनें
validation-tenant-status = "active" या "suspended" होना चाहिए
validation-theme-name = थीम फ़ोल्डर का नाम होना चाहिए: छोटे अंग्रेज़ी अक्षर, अंक, - और _
validation-colour = { $value } कोई रंग नहीं है; इसे #rrggbb की तरह लिखें, जैसे #6d28d9
validation-logo-url = इसी साइट का / से शुरू होने वाला पाथ होना चाहिए, जैसे /static/default/img/logo.svg
validation-support-email = help@example.com जैसा ईमेल पता होना चाहिए
validation-signup-bonus = 0 से 100000 के बीच होना चाहिए
validation-model-id = { $value } मॉडल ID नहीं है (अक्षर, अंक, - _ .)
validation-model-cost = { $model }: दाम 1 से 1000 क्रेडिट के बीच होता है, { $cost } नहीं
validation-language = { $value } ऐसी भाषा नहीं है जो हम देते हैं (en, hi)
validation-signup-limit = 0 (कोई सीमा नहीं) से 1000 के बीच होना चाहिए
validation-max-image-side = { $min } से { $max } के बीच { $step } का गुणज होना चाहिए
validation-required = ज़रूरी है
validation-at-most-characters = ज़्यादा से ज़्यादा { $max } अक्षरों का होना चाहिए
validation-whatsapp = देश के कोड के साथ फ़ोन नंबर होना चाहिए, जैसे +91 98765 43210

## खाते

validation-control-characters = अदृश्य कंट्रोल कैरेक्टर (जैसे NUL बाइट या एस्केप कोड) हटा दें।
validation-email-empty = अपना ईमेल पता लिखें।
validation-email-too-long = यह ईमेल पता बहुत लंबा है।
validation-email-shape = name@example.com जैसा ईमेल पता लिखें।
validation-use-at-most = ज़्यादा से ज़्यादा { $max } अक्षर इस्तेमाल करें।
validation-token-name = टोकन को कोई नाम दें ({ $max } अक्षरों तक), जैसे "laptop script"।
validation-password-too-short = कम से कम { $min } अक्षर इस्तेमाल करें। कुछ बेमेल शब्द मिलाकर एक मज़बूत और याद रहने वाला पासवर्ड बनता है।
validation-password-too-easy = इस पासवर्ड का अंदाज़ा लगाना बहुत आसान है{ $warning ->
        [key-rows] {" "}(कीबोर्ड की सीधी कतारों का अंदाज़ा आसानी से लग जाता है।)
        [keyboard-patterns] {" "}(कीबोर्ड के छोटे पैटर्न का अंदाज़ा आसानी से लग जाता है।)
        [repeats] {" "}("aaa" जैसे दोहराव का अंदाज़ा आसानी से लग जाता है।)
        [repeated-words] {" "}("abcabcabc" जैसे दोहराव का अंदाज़ा "abc" से बस थोड़ा ही मुश्किल है।)
        [top-10] {" "}(यह सबसे आम 10 पासवर्ड में से एक है।)
        [top-100] {" "}(यह सबसे आम 100 पासवर्ड में से एक है।)
        [common] {" "}(यह बहुत आम पासवर्ड है।)
        [similar] {" "}(यह एक आम पासवर्ड से मिलता-जुलता है।)
        [sequences] {" "}(abc या 6543 जैसे क्रम का अंदाज़ा आसानी से लग जाता है।)
        [recent-years] {" "}(हाल के सालों का अंदाज़ा आसानी से लग जाता है।)
        [one-word] {" "}(अकेले एक शब्द का अंदाज़ा आसानी से लग जाता है।)
        [dates] {" "}(तारीख़ों का अंदाज़ा अक्सर आसानी से लग जाता है।)
        [names] {" "}(सिर्फ़ नाम और उपनाम का अंदाज़ा आसानी से लग जाता है।)
        [common-names] {" "}(आम नाम और उपनाम का अंदाज़ा आसानी से लग जाता है।)
       *[none] {""}
    }। कोई लंबा पासवर्ड, या कुछ बेमेल शब्द आज़माएँ।

## तस्वीरें

validation-prompt-empty = बताएँ कि आपको कैसी तस्वीर चाहिए।
validation-prompt-too-long = इसे { $max } अक्षरों से कम रखें।
validation-side-number = पिक्सेल की पूरी संख्या लिखें।
validation-side-range = { $min } से { $max } पिक्सेल के बीच चुनें।
validation-side-step = { $step } का गुणज इस्तेमाल करें, जैसे { $lower } या { $higher }।
validation-seed = 0 या उससे बड़ी पूरी संख्या लिखें, या इसे ख़ाली छोड़ दें।

## YYYY-MM-DD में लिखी तारीख़ें

validation-date-shape = { $value } तारीख़ नहीं है; इसे YYYY-MM-DD में लिखें, जैसे 2026-12-01।
validation-date-month = { $value } में महीना { $month } नहीं हो सकता; महीने 01 से 12 तक होते हैं।
validation-date-day = { $value } कैलेंडर का कोई दिन नहीं है।

## भुगतान

validation-pack-credits = एक पैक में 1 से { $max } क्रेडिट होते हैं।
validation-pack-price = एक पैक का दाम { $min } से { $max } के बीच होता है।
validation-reject-reason-short = कुछ शब्दों में वजह बताएँ: उपयोगकर्ता इसे अपने ईमेल में पढ़ेंगे।
validation-reject-reason-long = वजह 300 अक्षरों से कम रखें।
validation-utr-empty = अपने UPI ऐप में दिखने वाला 12 अंकों का UTR (UPI ट्रांज़ैक्शन ID) लिखें।
validation-utr-app-id = यह आपके ऐप की अपनी ट्रांज़ैक्शन ID लगती है, UTR नहीं। अपने UPI ऐप में भुगतान खोलें और "UPI transaction ID", "UTR" या "UPI Ref No" नाम वाला 12 अंकों का नंबर कॉपी करें।
validation-utr-digit-count = UTR में ठीक 12 अंक होते हैं; आपने { $count } लिखे।
validation-utr-script = UTR को 0–9 अंकों में लिखें: इनमें से कुछ अंक किसी दूसरी लिपि (जैसे देवनागरी या फ़ुल-विड्थ) के हैं, जिन्हें बैंक इस्तेमाल नहीं करते।
validation-utr-symbols = UTR 12 अंकों का होता है, इसमें कोई अक्षर या चिह्न नहीं होता।
validation-vpa-shape = UPI ID name@bank जैसी होती है, जैसे pixelforge@okaxis।
validation-vpa-characters = UPI ID में अक्षर, अंक, बिंदु, डैश या अंडरस्कोर होते हैं, फिर @ और बैंक का हैंडल (अक्षर और अंक), जैसे pixelforge@okaxis।
validation-vpa-handle = UPI ID में @ से पहले के हिस्से में अक्षर या अंक होने चाहिए, सिर्फ़ बिंदु, डैश या अंडरस्कोर नहीं, जैसे pixelforge@okaxis।
validation-payee-empty = वह नाम लिखें जो UPI ऐप में पाने वाले के रूप में दिखे।
validation-payee-too-long = पाने वाले का नाम ज़्यादा से ज़्यादा 60 अक्षरों का हो सकता है।
validation-rupees = { $value } रुपये की रकम नहीं है, जैसे 149 या 149.50।
validation-rupees-empty = रुपये में दाम लिखें।
validation-rupees-decimals = दाम में दशमलव के बाद ज़्यादा से ज़्यादा दो अंक (पैसे) होते हैं।

## बैंक स्टेटमेंट: कॉलम की मैपिंग, न पढ़ी जा सकने वाली पंक्ति, न पढ़ी जा सकने वाली फ़ाइल

validation-column-empty = कॉलम का नाम वैसा ही लिखें जैसा स्टेटमेंट की हेडर पंक्ति में है।
validation-column-too-long = कॉलम का नाम ज़्यादा से ज़्यादा 100 अक्षरों का हो सकता है।
validation-statement-date = कॉलम { $column } में तारीख़ { $value } हम नहीं पढ़ पाए (हम 31/12/2023, 31-12-2023, 31 Dec 2023 या 2023-12-31 जैसी तारीख़ें पढ़ते हैं)
validation-statement-direction = कॉलम { $column } में { $value } लिखा है; हमें Cr (क्रेडिट) या Dr (डेबिट) की उम्मीद थी
validation-statement-amount = कॉलम { $column } में रकम { $value } कोई संख्या नहीं है
validation-statement-too-large = यह फ़ाइल 5 MB से बड़ी है। कम अवधि (एक-दो महीने) का स्टेटमेंट डाउनलोड करके उसे अपलोड करें।
validation-statement-too-many-rows = इस फ़ाइल में 50,000 से ज़्यादा पंक्तियाँ हैं। कम अवधि (एक-दो महीने) का स्टेटमेंट डाउनलोड करके उसे अपलोड करें।
validation-statement-empty = यह फ़ाइल ख़ाली है। अपने बैंक से स्टेटमेंट फिर से डाउनलोड करके अपलोड करें।
validation-statement-spreadsheet = यह Excel वर्कबुक है, CSV फ़ाइल नहीं। स्टेटमेंट CSV में डाउनलोड करें (कुछ बैंक इसे "delimited" या "comma separated" कहते हैं), या वर्कबुक खोलकर उसे CSV के रूप में सेव करें।
validation-statement-pdf = यह PDF स्टेटमेंट है, जिसे हम नहीं पढ़ सकते। अपनी नेट बैंकिंग से स्टेटमेंट CSV में डाउनलोड करें (कुछ बैंक इसे "delimited" या "comma separated" कहते हैं)।
validation-statement-not-text = यह फ़ाइल CSV स्टेटमेंट नहीं है। वह CSV फ़ाइल अपलोड करें जो आपका बैंक देता है।
validation-statement-no-header = इस फ़ाइल में ऐसी हेडर पंक्ति नहीं है जिसमें मैपिंग के बताए कॉलम हों: { $count ->
        [0] कोई कॉलम नहीं है
        [one] { $last } नहीं है
       *[other] { $rest } और { $last } नहीं हैं
    }। देख लें कि स्टेटमेंट उसी बैंक का है जिसके लिए यह मैपिंग है, या कॉलम के नाम फ़ाइल की हेडर पंक्ति से मिला दें।

# A refusal worded to follow a field's name, with the field's label in front.
validation-beside-field = { $field } { $problem }।
