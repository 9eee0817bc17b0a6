# साइट का एडमिन कंसोल: उसके हिस्से, उपयोगकर्ताओं की सूची, ऑडिट लॉग और वर्कर पेज का
# ऊपरी हिस्सा (वर्करों की सूची fleet.ftl में है)। $site साइट का नाम है।

admin-nav-label = एडमिन के हिस्से
admin-nav-users = उपयोगकर्ता
admin-nav-payments = भुगतान
admin-nav-packs = पैक और UPI
admin-nav-workers = वर्कर
admin-nav-audit = ऑडिट लॉग
admin-eyebrow = एडमिन · { $site }

## उपयोगकर्ता

admin-users-title = उपयोगकर्ता · एडमिन · { $site }
admin-users-description = { $site } पर खाता रखने वाले लोग।
admin-users-heading = उपयोगकर्ता
admin-users-lead = यहाँ खाता रखने वाले सभी लोग, सबसे नए पहले। खाता बंद करते ही वह व्यक्ति हर जगह से एक साथ साइन आउट हो जाता है, और जब तक आप उसे फिर से चालू नहीं करते, वह साइन इन नहीं कर सकता।
admin-users-caption = उपयोगकर्ता, सबसे नए पहले
admin-users-caption-later = उपयोगकर्ता, सबसे नए पहले (आगे के पेज)
admin-users-col-person = व्यक्ति
admin-users-col-role = भूमिका
admin-users-col-balance = बैलेंस
admin-users-col-joined = कब जुड़े
admin-users-col-actions = कार्रवाई
admin-users-disabled = बंद
admin-users-unverified = ईमेल पक्का नहीं
admin-users-role-super-admin = सुपर एडमिन
admin-users-role-admin = एडमिन
admin-users-role-user = उपयोगकर्ता
# चल रहे जॉब के लिए रोके गए क्रेडिट।
admin-users-reserved = { $count } रोके गए
admin-users-you = आप
admin-users-make-admin = एडमिन बनाएँ
admin-users-remove-admin = एडमिन से हटाएँ
admin-users-enable = चालू करें
admin-users-disable = बंद करें
admin-users-pages = उपयोगकर्ता सूची के पेज
admin-users-first-page = ← पहला पेज
admin-users-next-page = अगला →
admin-users-past-end-title = इस पेज पर कुछ नहीं है
admin-users-past-end = यह पेज सूची के आख़िर से आगे का है।
admin-users-back-to-first = पहले पेज पर लौटें
admin-users-empty-title = अभी कोई उपयोगकर्ता नहीं
admin-users-empty = जब लोग { $site } पर खाता बनाएँगे, वे यहाँ दिखेंगे। पहले साइन-अप पाने के लिए अपनी साइट का पता लोगों तक पहुँचाएँ।
admin-users-damaged-cursor = उपयोगकर्ताओं के अगले पेज का यह लिंक खराब है। उपयोगकर्ता सूची फिर से खोलें और उसका “अगला” लिंक इस्तेमाल करें।
admin-users-done-disabled = खाता बंद कर दिया गया और हर जगह से साइन आउट कर दिया गया।
admin-users-done-enabled = यह खाता अब फिर से साइन इन कर सकता है।
admin-users-done-role = खाते की भूमिका बदल दी गई।
admin-users-not-yourself = आप अपना ही खाता बंद नहीं कर सकते।
admin-users-choose-role = उपयोगकर्ता या टेनेंट एडमिन में से एक चुनें।
admin-users-not-your-role = आप अपनी ही भूमिका नहीं बदल सकते।

## ऑडिट लॉग

admin-audit-title = ऑडिट लॉग · एडमिन · { $site }
admin-audit-description = { $site } पर भुगतान और कीमतें किसने और कब बदलीं।
admin-audit-heading = ऑडिट लॉग
admin-audit-lead = भुगतान पर हर फ़ैसला और पैक या UPI ID में हर बदलाव, उसे करने वाले एडमिन और उस पते के साथ जहाँ से वह किया गया, सबसे नए पहले। प्रविष्टियाँ न बदली जा सकती हैं, न हटाई जा सकती हैं। समय भारतीय समय (IST) में है।
admin-audit-caption = ऑडिट लॉग
admin-audit-caption-older = ऑडिट लॉग, पुरानी प्रविष्टियाँ
admin-audit-col-when = कब
admin-audit-col-who = किसने
admin-audit-col-what = क्या
admin-audit-col-change = बदलाव
admin-audit-col-address = किस पते से
admin-audit-label-from = पता
# बदलाव से पहले और बाद के मान के बीच पढ़ा जाता है।
admin-audit-became = से बदलकर
admin-audit-pages = ऑडिट लॉग के पेज
admin-audit-newest = ← सबसे नई
admin-audit-older = पुरानी →
admin-audit-no-older-title = इससे पुरानी कोई प्रविष्टि नहीं
admin-audit-no-older = लॉग यहीं से शुरू होता है।
admin-audit-back-to-newest = सबसे नई प्रविष्टियों पर लौटें
admin-audit-empty-title = अभी कुछ दर्ज नहीं हुआ
admin-audit-empty = जब कोई एडमिन किसी भुगतान को मंज़ूर या अस्वीकार करता है, या कोई पैक या UPI ID बदलता है, तो वह यहाँ दर्ज होता है।
admin-audit-damaged-link = इस पेज का लिंक खराब है। ऑडिट लॉग फिर से खोलें और उसका “पुरानी” लिंक इस्तेमाल करें।

# दर्ज हुई हर कार्रवाई क्या थी।
admin-audit-payment-approve = एक भुगतान मंज़ूर किया
admin-audit-payment-reject = एक भुगतान अस्वीकार किया
admin-audit-pack-create = एक पैक जोड़ा
admin-audit-pack-update = एक पैक बदला
admin-audit-pack-status = एक पैक की बिक्री शुरू या बंद की
admin-audit-pack-delete = एक पैक हटाया
admin-audit-pack-move = सूची में एक पैक की जगह बदली
admin-audit-tenant-payee = UPI ID या पाने वाले का नाम बदला
# अंग्रेज़ी में वर्कर की कार्रवाइयाँ अपने कोड से दिखती हैं; यहाँ शब्दों में।
admin-audit-worker-create = एक वर्कर टोकन बनाया
admin-audit-worker-pause = एक वर्कर रोका
admin-audit-worker-resume = एक वर्कर फिर चालू किया
admin-audit-worker-revoke = एक वर्कर टोकन रद्द किया

# प्रविष्टि किस बारे में है; $id, $reference और $utr कोड हैं, $name वर्कर का नाम।
admin-audit-subject-payment = भुगतान { $id }, रेफ़रेंस { $reference }, UTR { $utr }
admin-audit-subject-worker = वर्कर { $id }
admin-audit-subject-worker-named = वर्कर { $name } ({ $id })

# बदलाव से पहले और बाद के मान। $credits अंकों में लिखी संख्या है; $price रुपयों में लिखी
# कीमत; $reason एडमिन के अपने शब्द; $payee " (नाम)" या कुछ नहीं।
admin-audit-value-pending = बाकी
admin-audit-value-active = चालू
admin-audit-value-inactive = बंद
admin-audit-value-paused = रुका हुआ
admin-audit-value-place = स्थान { $place }
admin-audit-value-approved = मंज़ूर: { $credits } क्रेडिट
admin-audit-value-rejected = अस्वीकार: { $reason }
admin-audit-value-pack = { $price } में { $credits } क्रेडिट
admin-audit-value-no-upi = कोई UPI ID नहीं (भुगतान नहीं लिए जा रहे){ $payee }
admin-audit-value-role-user = उपयोगकर्ता
admin-audit-value-role-admin = साइट एडमिन
admin-audit-value-role-super-admin = प्लेटफ़ॉर्म एडमिन
admin-audit-value-queued = कतार में
admin-audit-value-running = चल रहा
admin-audit-value-canceled = रद्द
admin-audit-value-stopping = चल रहा, अगली हार्टबीट पर रुकने को कहा गया

## वर्कर (पेज का ऊपरी हिस्सा; वर्करों की सूची fleet.ftl में है)

admin-workers-title = वर्कर · एडमिन · { $site }
admin-workers-description = वे मशीनें जो { $site } की तस्वीरें बनाती हैं।
admin-workers-heading = वर्कर
admin-workers-lead = आपकी अपनी GPU मशीनें। जिस वर्कर के जॉब बार-बार विफल होते हैं, वह अपने-आप रुक जाता है, ताकि दोबारा कोशिश के मौके बर्बाद न हों; ठीक होने के बाद उसे फिर से चालू करें।
admin-audit-user-role = किसी खाते की भूमिका बदली
