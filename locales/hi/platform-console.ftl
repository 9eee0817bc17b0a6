# प्लैटफ़ॉर्म कंसोल: टेनेंट बनाना, बदलना, रोकना; सुपर-एडमिन; सेटिंग्स; और नए एडमिन को जाने वाला न्योता।

platform-console-nav-admins = सुपर-एडमिन
platform-console-nav-settings = सेटिंग्स
platform-console-cancel = रद्द करें

## नया टेनेंट

platform-console-new-button = नया टेनेंट
platform-console-new-title = नया टेनेंट · कंसोल · { $platform }
platform-console-new-heading = नया टेनेंट
platform-console-new-lead = बनाते ही साइट अपने पतों पर खुलने लगती है। उसके पहले एडमिन को पासवर्ड चुनने के लिए ईमेल जाता है।
platform-console-new-card = साइट और उसका पहला एडमिन
platform-console-slug = छोटा नाम
platform-console-slug-hint = छोटे अंग्रेज़ी अक्षर, अंक और हाइफ़न। साइट { $base } के नीचे इस नाम पर भी खुलती है।
platform-console-slug-taken = छोटा नाम { $slug } कोई और टेनेंट पहले से इस्तेमाल कर रहा है।
platform-console-name = साइट का नाम
platform-console-name-hint = यह हर पेज के ऊपर और हर ईमेल में दिखता है।
platform-console-domains = डोमेन
platform-console-domains-hint = हर पंक्ति में एक, जैसे gallery.example.com। लोगों के आने से पहले हर डोमेन को इस प्लैटफ़ॉर्म की ओर मोड़ दें।
platform-console-admin-email = ईमेल पता
platform-console-admin-email-hint = इस पते पर न्योता भेजा जाएगा; उसका लिंक एक ही बार, 3 दिन तक चलता है।
platform-console-create = टेनेंट बनाएँ
platform-console-created = { $site } चालू है। उसके पहले एडमिन को न्योता भेज दिया गया है।

## डोमेन

platform-console-domain-labels = { $domain } डोमेन नाम नहीं है: बिंदुओं के बीच का हर हिस्सा 1 से 63 अक्षरों, अंकों या हाइफ़न का हो, और हाइफ़न से शुरू या ख़त्म न हो।
platform-console-domain-too-long = { $domain } डोमेन नाम की सीमा (253 अक्षर) से लंबा है।
platform-console-domain-characters = { $domain } में ऐसे चिह्न हैं जो डोमेन नाम में नहीं हो सकते: सिर्फ़ अक्षर, अंक, बिंदु और हाइफ़न लिखें, “https://” या “/” नहीं। किसी दूसरी लिपि का नाम उसके xn-- रूप में लिखें (जैसा आपका रजिस्ट्रार दिखाता है)।
platform-console-domain-ours = { $domain } प्लैटफ़ॉर्म का अपना पता है।
platform-console-domain-not-public = { $domain } सार्वजनिक डोमेन नाम नहीं है (IP पता या लोकल नाम किसी साइट का डोमेन नहीं हो सकता)।
platform-console-domain-twice = { $domain } दो बार लिखा है।
platform-console-domain-taken = { $domain } पहले से { $site } ({ $slug }) का है।
platform-console-domain-just-taken = इनमें से एक डोमेन अभी-अभी किसी और टेनेंट को दिया गया। सूची जाँचकर फिर सहेजें।

## टेनेंट बदलना

platform-console-edit-title = { $site } · कंसोल · { $platform }
platform-console-edit-lead = साइट का नाम, उसके डोमेन और उसकी तस्वीरें बनाने वाले वर्कर।
platform-console-edit-card = नाम, डोमेन और वर्कर
platform-console-shared-pool = साझा वर्कर पूल इस्तेमाल कर सकता है
platform-console-shared-pool-hint = इसके बिना सिर्फ़ टेनेंट के अपने वर्कर उसकी तस्वीरें बनाते हैं।
platform-console-save = बदलाव सहेजें
platform-console-saved = बदलाव सहेज लिए गए। साइट पर अभी से दिख रहे हैं।
platform-console-status-card = उपलब्धता
platform-console-suspend-help = रोकने पर साइट बंद हो जाती है: हर पेज पर लिखा आता है कि वह कुछ समय के लिए उपलब्ध नहीं है, और कतार की तस्वीरें फिर से शुरू होने तक रुकी रहती हैं।
platform-console-suspend = साइट रोकें
platform-console-suspend-confirm = निलंबित करने के लिए साइट का छोटा नाम लिखें: { $slug }
platform-console-suspend-confirm-wrong = इस साइट को निलंबित करने के लिए { $slug } लिखें; कुछ नहीं बदला गया।
platform-console-resume-help = साइट रुकी हुई है। फिर से शुरू करने पर वह खुल जाती है और रुकी तस्वीरें बनने लगती हैं।
platform-console-resume = साइट फिर शुरू करें
platform-console-suspended-notice = साइट रोक दी गई है।
platform-console-resumed-notice = साइट फिर से खुल गई है।

## सुपर-एडमिन

platform-console-admins-title = सुपर-एडमिन · कंसोल · { $platform }
platform-console-admins-heading = सुपर-एडमिन
platform-console-admins-lead = जो लोग यह प्लैटफ़ॉर्म चलाते हैं। हर कोई हर टेनेंट तक पहुँच सकता है।
platform-console-admins-col-email = ईमेल पता
platform-console-admins-col-since = कब से
platform-console-admins-col-action = हटाएँ
platform-console-admins-you = आप
platform-console-admins-invited = न्योता भेजा
platform-console-admins-remove = हटाएँ
platform-console-admins-add-card = सुपर-एडमिन जोड़ें
platform-console-admins-add-hint = उन्हें पासवर्ड चुनने के लिंक वाला ईमेल मिलेगा; वह एक ही बार, 3 दिन तक चलता है।
platform-console-admins-add = न्योता भेजें
platform-console-admin-invited = { $email } को न्योता भेज दिया गया।
platform-console-admin-removed = { $email } अब सुपर-एडमिन नहीं हैं।
platform-console-admin-exists = { $email } पहले से सुपर-एडमिन हैं।
platform-console-admin-not-yourself = आप ख़ुद को नहीं हटा सकते। कोई दूसरा सुपर-एडमिन हटा सकता है।
platform-console-admin-last = यह आख़िरी सुपर-एडमिन है; प्लैटफ़ॉर्म पर कम से कम एक हमेशा रहता है।
# Holds markup: the command in <code>.
platform-console-login-forgot = पासवर्ड भूल गए? कोई दूसरा सुपर-एडमिन आपको हटाकर दोबारा न्योता भेज सकता है; सर्वर चलाने वाले <code>atelier admin password</code> से नया पासवर्ड रख सकते हैं।

## न्योता

platform-console-invite-subject = { $site } पर आपका न्योता
platform-console-invite-role-tenant = एडमिन
platform-console-invite-role-platform = सुपर-एडमिन
platform-console-invite-preheader = { $site } के लिए पासवर्ड चुनें। लिंक { $expires } में ख़त्म हो जाएगा।
platform-console-invite-title = { $site } में आपका स्वागत है
platform-console-invite-intro = आपको { $email } पते के साथ { $site } का { $role } बनाया गया है। साइन इन करने के लिए पासवर्ड चुनें।
platform-console-invite-button = पासवर्ड चुनें
platform-console-invite-open-link = पासवर्ड चुनने के लिए यह लिंक खोलें:
platform-console-invite-expiry = लिंक एक ही बार चलता है और { $expires } में ख़त्म हो जाता है। ख़त्म हो जाए तो जिसने न्योता भेजा उनसे नया माँगें।
platform-console-invite-ignore = अगर आपको इसकी उम्मीद नहीं थी, तो यह ईमेल अनदेखा कर दें: पासवर्ड के बिना कोई साइन इन नहीं कर सकता।

## न्योते का पेज

platform-console-welcome-title = अपना पासवर्ड चुनें
platform-console-welcome-lead = आपको न्योता मिला है। वह पासवर्ड चुनें जिससे आप साइन इन करेंगे।
platform-console-welcome-submit = पासवर्ड सहेजें
platform-console-welcome-expired = न्योते के लिंक { $expires } तक चलते हैं। जिसने न्योता भेजा उनसे नया माँगें।
platform-console-welcome-used = हर न्योते का लिंक एक ही बार चलता है। अगर आप पासवर्ड चुन चुके हैं, तो उससे साइन इन करें।
platform-console-welcome-invalid = हो सकता है लिंक पूरा कॉपी न हुआ हो। उसे सीधे ईमेल से खोलें।

## ऑडिट लॉग

admin-audit-tenant-create = साइट बनाई
admin-audit-tenant-update = साइट का नाम, डोमेन या वर्कर बदले
admin-audit-tenant-suspend = साइट रोकी
admin-audit-tenant-resume = साइट फिर शुरू की
admin-audit-platform-admin-add = सुपर-एडमिन को न्योता भेजा
admin-audit-platform-admin-remove = सुपर-एडमिन हटाया
