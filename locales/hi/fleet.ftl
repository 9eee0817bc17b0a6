# वर्करों का बेड़ा, साइट के /admin/workers और प्लैटफ़ॉर्म के /platform/workers पर: सूची,
# नया टोकन, और किसी कार्रवाई के बाद पेज क्या कहता है।

fleet-token-for = { $name } का टोकन
fleet-token-once = इसे अभी कॉपी कर लें: यह सिर्फ़ इसी बार दिखाया जाएगा। वर्कर को उसकी मशीन पर इस तरह शुरू करें:
fleet-copy = कॉपी करें
# "कॉपी करें" के बाद पढ़ा जाता है।
fleet-copy-what = टोकन
# बटन दबाने के बाद कॉपी बटन और स्थिति वाली पंक्ति क्या कहती है (static/js/payment.js)।

fleet-heading = वर्कर
fleet-caption = वर्कर, चालू टोकन पहले, सबसे नए पहले
fleet-col-worker = वर्कर
fleet-col-pool = पूल
fleet-col-state = स्थिति
fleet-col-now = अभी
fleet-col-models = मॉडल
fleet-col-done = पूरे
fleet-col-failed = विफल
fleet-col-median = औसत (मीडियन) समय
fleet-col-actions = कार्रवाई
fleet-state-online = ऑनलाइन
fleet-state-paused = रुका हुआ
fleet-state-revoked = रद्द
fleet-state-offline = ऑफ़लाइन
# $id जॉब की ID के शुरुआती अक्षर हैं।
fleet-job = जॉब { $id }
fleet-idle = खाली
fleet-resume = फिर चालू करें
fleet-pause = रोकें
fleet-revoke = रद्द करें

# वर्कर ने आख़िरी बार काम कब माँगा।
fleet-seen-never = कभी नहीं देखा गया
fleet-seen-seconds = { $count } सेकंड पहले देखा गया
fleet-seen-minutes = { $count } मिनट पहले देखा गया
fleet-seen-hours = { $count } घंटे पहले देखा गया
fleet-seen-on = आख़िरी बार { $date } को देखा गया
# एक तस्वीर बनने का मीडियन समय; $seconds में एक दशमलव अंक है, जैसे "12.5"।
fleet-median-seconds = { $seconds } सेकंड
# वर्कर का पूल: साझा पूल, या कोई साइट जो सूची में अब नहीं है।
fleet-pool-shared-name = साझा
fleet-pool-a-tenant = एक टेनेंट
# वर्कर क्यों रुका है: किसी एडमिन ने रोका ($who उनका ईमेल है), या लगातार विफलताओं के बाद।
fleet-paused-by = { $who } ने रोका
fleet-paused-failures = लगातार { $count } { $count ->
    [0] जॉब विफल हुए
    [one] जॉब विफल हुआ
   *[other] जॉब विफल हुए
}

fleet-empty-title = अभी कोई वर्कर नहीं
# इसमें markup है: <code> में कमांड।
fleet-empty = वर्कर GPU वाली एक मशीन है जिस पर ComfyUI और <code>atelier worker</code> चलते हैं। नीचे एक टोकन बनाएँ, फिर उससे वर्कर शुरू करें।
# $count बताता है कि सर्वर ख़ुद कितने डेमो वर्कर चलाता है।
fleet-empty-demo = तब तक साझा पूल वाली साइटों के लिए डेमो मॉडल की तस्वीरें { $count ->
    [0] सर्वर के अपने डेमो वर्कर बनाते हैं।
    [one] सर्वर का अपना डेमो वर्कर बनाता है।
   *[other] सर्वर के अपने डेमो वर्कर बनाते हैं।
}
fleet-add-heading = वर्कर जोड़ें
fleet-name = नाम
fleet-name-hint = मशीन का नाम, जैसे gpu-01।
fleet-make-token = टोकन बनाएँ
fleet-pool-shared = यहाँ बने टोकन साझा पूल में जुड़ते हैं, जो उन सभी साइटों के काम करता है जिन्हें इसकी अनुमति है।
fleet-pool-own = यहाँ बने टोकन आपके अपने पूल में जुड़ते हैं: इसके वर्कर सिर्फ़ आपकी साइट की तस्वीरें बनाते हैं।

fleet-done-revoked = टोकन रद्द कर दिया गया: वह वर्कर अब कोई जॉब नहीं ले सकता।
fleet-done-paused = वर्कर रोक दिया गया: फिर से चालू होने तक वह कोई नया जॉब नहीं लेगा।
fleet-done-resumed = वर्कर फिर से चालू हो गया और जॉब ले रहा है।
fleet-name-length = वर्कर को 1 से 60 अक्षरों का नाम दें, जैसे मशीन का नाम (gpu-01)।
fleet-models-reloaded = मॉडल सूची फिर से पढ़ ली गई: { $count } मॉडल उपलब्ध { $count ->
    [0] हैं
    [one] है
   *[other] हैं
}।
# $error बताता है कि फ़ाइल में क्या गलत है, अंग्रेज़ी में: यह कॉन्फ़िगरेशन से आता है।
fleet-models-not-reloaded = मॉडल सूची फिर से नहीं पढ़ी गई; चालू सूची बनी रहती है। { $error }
