# प्लैटफ़ॉर्म कंसोल: उसके हिस्से, टेनेंट की सूची और वर्कर पेज के अपने हिस्से (वर्करों की
# सूची fleet.ftl में है)। $platform प्लैटफ़ॉर्म का नाम है, $site किसी टेनेंट की साइट का।

platform-nav-label = कंसोल के हिस्से
platform-nav-tenants = टेनेंट
platform-nav-workers = वर्कर
platform-nav-payments = भुगतान
platform-eyebrow = { $platform } कंसोल

## टेनेंट

platform-index-title = कंसोल · { $platform }
platform-index-description = { $platform } का संचालक कंसोल।
platform-index-heading = टेनेंट
platform-index-lead = इस प्लैटफ़ॉर्म पर { $count } टेनेंट { $count ->
    [0] हैं
    [one] है
   *[other] हैं
}। किसी को टेनेंट की साइट पर एडमिन के अधिकार देने के लिए वह ईमेल पता डालें जिससे वे वहाँ साइन इन करते हैं।
platform-index-caption = { $platform } पर टेनेंट
platform-index-col-tenant = टेनेंट
platform-index-col-status = स्थिति
platform-index-col-theme = थीम
platform-index-col-hosts = होस्ट
platform-index-col-users = उपयोगकर्ता
platform-index-col-add-admin = टेनेंट एडमिन जोड़ें
platform-index-open-site = साइट खोलें
platform-index-active = चालू
platform-index-suspended = निलंबित
platform-index-no-hosts = कोई नहीं
platform-index-email-label = { $site } के नए एडमिन का ईमेल
platform-index-email-example = name@example.com
platform-index-make-admin = टेनेंट एडमिन बनाएँ
# बटन के शब्दों के बाद पढ़ा जाता है, साइट का नाम बताते हुए।
platform-index-make-admin-of = ({ $site } के लिए)
# इसमें markup है: <code> में कमांड।
platform-index-empty-title = अभी कोई टेनेंट नहीं — <code>atelier tenant create</code> से एक बनाएँ
platform-index-empty = यह कमांड सर्वर पर चलाएँ; नया टेनेंट बनते ही यहाँ दिखने लगेगा।
platform-admin-added = { $who } अब { $site } के एडमिन हैं।
platform-admin-added-own-site = { $who } अब अपनी साइट के एडमिन हैं।
platform-no-account = { $email } का { $site } पर कोई खाता नहीं है। उनसे पहले वहाँ साइन अप करने को कहें।

## वर्कर

platform-workers-title = वर्कर · कंसोल · { $platform }
platform-workers-description = { $platform } के सभी वर्कर पूल।
platform-workers-heading = वर्कर
platform-workers-lead = हर पूल: साझा पूल भी, और हर साइट का अपना पूल भी। जिस वर्कर के जॉब बार-बार विफल होते हैं, वह अपने-आप रुक जाता है, ताकि दोबारा कोशिश के मौके बर्बाद न हों।
platform-models-heading = मॉडल सूची
# इसमें markup है: <code> में फ़ाइल और कमांड।
platform-models-reload-help = <code>config/models.json</code> या किसी workflow में बदलाव के बाद, उसे बिना रीस्टार्ट किए फिर से पढ़ें (सर्वर पर <code>kill -HUP</code> भी यही करता है)। गलती वाली फ़ाइल नहीं ली जाती और चालू सूची बनी रहती है।
platform-models-reload = मॉडल फिर से पढ़ें

# /platform/audit: हर साइट का लॉग और प्लैटफ़ॉर्म का अपना।
platform-audit-nav = ऑडिट लॉग
platform-audit-eyebrow = कंसोल
platform-audit-lead = हर साइट के एडमिन और प्लैटफ़ॉर्म के सुपर-एडमिन ने क्या बदला, सबसे नया पहले, किसने किया और कहाँ से।
platform-audit-col-site = साइट
platform-audit-the-platform = प्लैटफ़ॉर्म
