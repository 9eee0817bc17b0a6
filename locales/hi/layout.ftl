# हर पन्ने का ढाँचा: ऊपर का हिस्सा, मेन्यू और नीचे का हिस्सा।

layout-description = { $site } आपके लिखे विवरण से एक नई, मौलिक तस्वीर बनाता है। { $bonus } मुफ़्त { $units } से शुरू करें।
layout-skip = सीधे मुख्य सामग्री पर जाएँ
layout-nav-main = मुख्य
layout-nav-footer = पन्ने के नीचे
layout-menu = मेन्यू
layout-console = कंसोल
layout-sign-out = साइन आउट
layout-operator-sign-in = संचालक साइन-इन
layout-generate = तस्वीर बनाएँ
layout-history = इतिहास
layout-account = खाता
layout-admin = एडमिन
layout-balance = बैलेंस:
layout-buy = { $units } खरीदें
layout-faq = सवाल-जवाब
layout-sign-in = साइन इन
layout-claim-bonus = { $bonus } मुफ़्त { $units } पाएँ
layout-get-started = शुरू करें
layout-cost-per-image = { $count } { $count ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} = 1 तस्वीर
layout-pay-for-saved = पैसे सिर्फ़ उन्हीं तस्वीरों के लगते हैं जो सहेजी जाती हैं।
layout-footer-site = साइट
layout-privacy = निजता
layout-terms = शर्तें
layout-white-label = यह प्लैटफ़ॉर्म अपने ब्रांड के नाम से चलाना चाहते हैं?
layout-footer-support = सहायता
layout-whatsapp = व्हाट्सऐप +{ $number }
layout-language = भाषा

noir-description = { $site } आपके शब्दों से मौलिक तस्वीरें रचता है। { $bonus } मुफ़्त { $units } से शुरुआत करें।
noir-footer-currency = मुद्रा
noir-pay-for-saved = पैसे तभी लगते हैं जब आपकी तस्वीर सहेज ली जाती है।
noir-footer-index = सूची
noir-footer-support = संपर्क
