# /platform/settings: the rules every site works within, changed by super-admins.

platform-settings-title = सेटिंग्स · कंसोल · { $platform }
platform-settings-heading = सेटिंग्स
platform-settings-lead = वे नियम जिनके भीतर हर साइट काम करती है। बदलाव हर सर्वर पर तुरंत लागू होता है।
platform-settings-card = प्लैटफ़ॉर्म के नियम
platform-settings-size-cap = तस्वीर की सबसे बड़ी भुजा (पिक्सेल)
platform-settings-size-cap-hint = 8 का गुणज, 64 से 4096 तक। हर साइट इसके भीतर अपनी सीमा चुनती है; जिस साइट की सीमा इससे बड़ी है, वह तब तक इसी पर रुकती है जब तक इसे फिर बढ़ाया न जाए।
platform-settings-deadline = तस्वीर पूरी होने का समय (मिनट)
platform-settings-deadline-hint = 1 मिनट से एक दिन ({ $max }) तक। समय पर न बनी तस्वीर विफल होती है, और उसके क्रेडिट लौट जाते हैं।
platform-settings-retries = दोबारा कोशिशें
platform-settings-retries-hint = तस्वीर विफल होने से पहले असफल रेंडर कितनी बार और आज़माया जाए: 0 से { $max }।
platform-settings-save = सेटिंग्स सहेजें
platform-settings-saved = सहेज दिया। अब से कतार में लगी तस्वीरें इन नियमों पर चलेंगी; पहले से इंतज़ार कर रही तस्वीरें अपने नियम रखती हैं।
platform-settings-source-file = ये सर्वर की सेटिंग्स फ़ाइल (<code>[jobs]</code>) से आते हैं। यहाँ सहेजने के बाद इस पेज के मान लागू होंगे।
platform-settings-source-saved = इस कंसोल में सहेजे गए; सेटिंग्स फ़ाइल के <code>deadline_secs</code> और <code>max_attempts</code> अब लागू नहीं होते।
platform-settings-file-card = सेटिंग्स फ़ाइल में तय
platform-settings-active = एक व्यक्ति की एक साथ कतार में या बनती तस्वीरें
# Holds markup: the setting in <code>.
platform-settings-active-where = सर्वर की सेटिंग्स फ़ाइल में <code>[jobs] active_per_user</code>; सर्वर दोबारा शुरू होने पर लागू होता है।

validation-deadline = 1 से { $max } के बीच मिनटों की पूरी संख्या होनी चाहिए
validation-retries = 0 से { $max } के बीच पूरी संख्या होनी चाहिए

admin-audit-platform-settings = प्लैटफ़ॉर्म के नियम बदले
