# /admin/limits: साइट क्या अनुमति देती है, उसके मॉडल और दाम, सहायता के संपर्क और प्रॉम्प्ट में
# मना किए गए शब्द; और रोके गए प्रॉम्प्ट का जवाब।

admin-nav-limits = सीमाएँ
admin-limits-title = सीमाएँ · एडमिन · { $site }
admin-limits-eyebrow = एडमिन · { $site }
admin-limits-heading = सीमाएँ
admin-limits-lead = आपकी साइट क्या अनुमति देती है, कौन-से मॉडल किस दाम पर देती है, आपके लोगों को कौन जवाब देता है, और प्रॉम्प्ट में कौन-से शब्द मना हैं। बदलाव तुरंत लागू होते हैं।
admin-limits-saved = सहेज लिया गया। अब से आपकी साइट इन्हीं सीमाओं पर चलेगी।
admin-limits-use = इस्तेमाल
admin-limits-max-side = तस्वीर की सबसे लंबी भुजा (पिक्सेल)
admin-limits-max-side-hint = 8 का गुणज, ज़्यादा से ज़्यादा { $max }।
admin-limits-bonus = साइन-अप बोनस ({ $units })
admin-limits-bonus-hint = हर नए खाते को मिलता है।
admin-limits-active = एक व्यक्ति के एक साथ इंतज़ार में या चलते हुए काम
admin-limits-active-hint = 0 रखने पर प्लेटफ़ॉर्म की सीमा ({ $cap }) लागू होती है; आपकी अपनी संख्या इससे ज़्यादा नहीं हो सकती।
admin-limits-active-over-platform = ज़्यादा से ज़्यादा { $cap } हो सकता है, जो प्लेटफ़ॉर्म की सीमा है
admin-limits-side-over-platform = ज़्यादा से ज़्यादा { $cap } हो सकता है, जो प्लेटफ़ॉर्म की सबसे बड़ी तस्वीर की भुजा है
admin-limits-whole-number = पूर्ण संख्या होनी चाहिए
admin-limits-models = मॉडल और दाम
admin-limits-no-model = कम से कम एक मॉडल चुनें, वरना आपकी साइट कोई तस्वीर नहीं बना पाएगी।
admin-limits-price = { $model } की एक तस्वीर का दाम ({ $units })
admin-limits-price-hint = प्लेटफ़ॉर्म के दाम ({ $cost }) के लिए ख़ाली छोड़ें।
admin-limits-support = सहायता के संपर्क
admin-limits-support-email = सहायता ईमेल
admin-limits-support-whatsapp = सहायता का WhatsApp नंबर
admin-limits-support-whatsapp-hint = देश के कोड के साथ, जैसे +91 98765 43210।
admin-limits-blocklist = मना किए गए शब्द
admin-limits-blocklist-label = प्रॉम्प्ट में मना किए गए शब्द और वाक्यांश, हर पंक्ति में एक
admin-limits-blocklist-hint = जिस प्रॉम्प्ट में इनमें से कोई पूरे शब्द के रूप में हो, छोटे-बड़े अक्षरों से फ़र्क़ नहीं पड़ता, उसे रोक दिया जाता है और उसका कोई शुल्क नहीं लगता। अदृश्य अक्षर (जैसे ज़ीरो-विड्थ स्पेस) और चौड़े अक्षर किसी शब्द को नहीं छिपा पाते, पर किसी दूसरी वर्णमाला का हूबहू दिखने वाला अक्षर (जैसे “gоre” में सिरिलिक “о”) छिपा देता है: ज़रूरी हो तो ऐसी वर्तनियाँ भी जोड़ें। ज़्यादा से ज़्यादा { $max } पंक्तियाँ।
admin-limits-save = सीमाएँ सहेजें
admin-audit-tenant-limits = साइट की सीमाएँ बदलीं
limits-prompt-blocked = इस साइट पर “{ $word }” की अनुमति नहीं है। कृपया अपना प्रॉम्प्ट बदलें।
validation-active-jobs = 0 से { $max } के बीच होना चाहिए
validation-blocklist-entry-length = “{ $entry }” { $max } अक्षरों से लंबा है
validation-blocklist-no-words = “{ $entry }” में मिलाने लायक कोई शब्द नहीं है
validation-blocklist-too-many = में ज़्यादा से ज़्यादा { $max } पंक्तियाँ हो सकती हैं
