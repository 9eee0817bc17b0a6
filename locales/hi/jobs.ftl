# तस्वीरें बनाना: तस्वीर बनाने का पन्ना, इतिहास, जॉब कार्ड और उनकी लाइव जानकारी, कॉपी बटन
# और सूचियों के पन्ने।

## तस्वीर बनाने का पन्ना

jobs-generate-title = नई तस्वीर बनाएँ
jobs-generate-description = जैसी तस्वीर चाहिए, उसका वर्णन करें और { $site } उसे आपके लिए बना देगा।
jobs-generate-eyebrow = तस्वीर बनाएँ
jobs-generate-lead = बताइए कि आप क्या देखना चाहते हैं। तस्वीर तैयार होते ही इसी पन्ने पर दिखेगी, और आपके <a href="/history">इतिहास</a> में सहेजी रहेगी।
jobs-credits-kept = आपका प्रॉम्प्ट नीचे सहेजा हुआ है, ताकि टॉप-अप करने के बाद आप उसे फिर से भेज सकें।
jobs-buy = { $units } खरीदें
jobs-results-in-progress = आपकी बन रही तस्वीरें
jobs-results-latest = आपकी हाल की तस्वीरें
jobs-see-all = इतिहास में सब देखें
jobs-noscript = ताज़ा प्रगति देखने के लिए पन्ना फिर से लोड करें। <a href="/generate">फिर से लोड करें</a>
jobs-results-empty-title = आपकी तस्वीरें यहाँ दिखेंगी
jobs-results-empty = प्रॉम्प्ट लिखें और “तस्वीर बनाएँ” चुनें। पहले आपको कतार में अपनी जगह दिखेगी, फिर प्रगति, और फिर तैयार तस्वीर, डाउनलोड के लिए।
jobs-form-title = अपनी तस्वीर का वर्णन करें
jobs-prompt = प्रॉम्प्ट
jobs-prompt-hint = बताइए कि तस्वीर में क्या है, फिर उसकी शैली, रोशनी और माहौल। जैसे: “शाम के समय चट्टान पर लाइटहाउस, वॉटरकलर, गर्म रोशनी”।
jobs-model = मॉडल
jobs-model-key = मॉडल:
jobs-model-hint = हर मॉडल की अपनी शैली है।
jobs-model-hint-demo = “डेमो” वाले मॉडल AI के बिना अमूर्त तस्वीरें बनाते हैं, ताकि आप आज़माकर देख सकें।
jobs-demo = डेमो
jobs-size = आकार
jobs-width = चौड़ाई
jobs-height = ऊँचाई
jobs-pixels-short = px
jobs-width-error = चौड़ाई: { $error }
jobs-height-error = ऊँचाई: { $error }
jobs-size-hint = हर तरफ़ { $min } से { $max } पिक्सेल तक, { $step } के अंतराल पर। 64 के गुणज सबसे अच्छे नतीजे देते हैं।
jobs-preset-square = वर्गाकार { $width }×{ $height }
jobs-preset-portrait = पोर्ट्रेट { $width }×{ $height }
jobs-preset-landscape = लैंडस्केप { $width }×{ $height }
jobs-preset-wide = चौड़ी { $width }×{ $height }
jobs-more-options = और विकल्प
jobs-leave-out = इन्हें छोड़ दें
jobs-optional = (वैकल्पिक)
jobs-leave-out-hint = जो चीज़ें आप तस्वीर में नहीं चाहते, जैसे “लिखावट, धुंधलापन, ज़्यादा उँगलियाँ”।
jobs-seed = सीड
jobs-seed-random = अपने-आप
jobs-seed-hint = खाली छोड़ें तो कोई भी सीड चुन लिया जाएगा। वही सीड और वही प्रॉम्प्ट फिर से वही तस्वीर देते हैं।
jobs-submit = तस्वीर बनाएँ
jobs-sending = भेजा जा रहा है…
jobs-cost-line = कीमत { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} · आपके पास { $available } उपलब्ध हैं · शुल्क तभी लगेगा जब तस्वीर सहेजी जाएगी
jobs-short-of-credits = एक और तस्वीर के लिए आपके पास पर्याप्त { $units } नहीं हैं।

## फ़ॉर्म के जवाब

jobs-error-model = सूची में से कोई एक मॉडल चुनें।
jobs-error-credits = { $units } कम हैं: एक तस्वीर की कीमत { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} है और आपके पास { $available } उपलब्ध हैं।
jobs-error-credits-buy = बनाते रहने के लिए और खरीदें।
jobs-error-too-many = { $cap ->
    [0] आपकी { $cap } तस्वीरें पहले से बन रही हैं।
    [one] आपकी { $cap } तस्वीर पहले से बन रही है।
   *[other] आपकी { $cap } तस्वीरें पहले से बन रही हैं।
} किसी एक के पूरा होने तक रुकें, फिर दोबारा कोशिश करें।

## जॉब कार्ड

jobs-status-queued = कतार में इंतज़ार
jobs-status-running = बन रही है
jobs-status-canceling = रद्द हो रही है…
jobs-status-succeeded = तैयार
jobs-status-failed = नहीं बन पाई
jobs-status-canceled = रद्द
jobs-queue-next = अगली बारी आपकी
jobs-queue-ahead = आपसे पहले लगभग { $ahead } { $ahead ->
    [0] तस्वीरें
    [one] तस्वीर
   *[other] तस्वीरें
}
jobs-queue-waiting = कतार में इंतज़ार
jobs-waiting-for = { $model } चलाने वाले वर्कर का इंतज़ार
jobs-queue-with-wait = { $place } · { $wait }
jobs-wait-few-seconds = कुछ ही सेकंड
jobs-wait-seconds = लगभग { $seconds } सेकंड
jobs-wait-minute = लगभग एक मिनट
jobs-wait-minutes = लगभग { $minutes } मिनट
jobs-download = डाउनलोड
jobs-download-image = तस्वीर डाउनलोड करें
jobs-open-full = पूरे आकार में खोलें
jobs-again = फिर से बनाएँ
jobs-use-seed = यही सीड इस्तेमाल करें
jobs-just-submitted = अभी भेजी गई
jobs-progress = प्रगति
jobs-waiting-to-start = शुरू होने का इंतज़ार
jobs-error-default = तस्वीर नहीं बन पाई।
jobs-nothing-charged = कोई शुल्क नहीं लगा।
jobs-canceled-nothing-charged = रद्द — कोई शुल्क नहीं लगा।
jobs-cancel = रद्द करें
jobs-said-ready = आपकी तस्वीर तैयार है: { $prompt }। अब आप उसे डाउनलोड कर सकते हैं।
jobs-said-failed = आपकी तस्वीर नहीं बन पाई: { $prompt }।
jobs-said-canceled = तस्वीर रद्द हुई: { $prompt }। कोई शुल्क नहीं लगा।

## इतिहास

jobs-history-title = इतिहास
jobs-history-description = { $site } से बनाई गई आपकी हर तस्वीर।
jobs-history-heading = आपकी तस्वीरें
jobs-history-lead = आपकी बनाई हर तस्वीर, सबसे नई पहले। जो तस्वीरें नहीं बन पाईं या रद्द हुईं, उनका कोई शुल्क नहीं लगा।
jobs-history-list = तस्वीरें
jobs-history-list-older = तस्वीरें (पुरानी)
jobs-history-pages = इतिहास के पन्ने
jobs-history-newest = ← सबसे नई तस्वीरें
jobs-history-older = पुरानी तस्वीरें →
jobs-history-no-older = इससे पुरानी कोई तस्वीर नहीं
jobs-history-past-end = यह पन्ना आपके इतिहास के आख़िर से आगे है।
jobs-history-back = अपनी हाल की तस्वीरों पर लौटें
jobs-history-empty-title = अभी कोई तस्वीर नहीं
jobs-history-empty = आपकी बनाई हर तस्वीर यहाँ रहती है, फिर से खोलने या डाउनलोड करने के लिए तैयार।
jobs-history-first = अपनी पहली तस्वीर बनाएँ
jobs-history-damaged = पुरानी तस्वीरों का यह लिंक खराब है। अपना इतिहास फिर से खोलें और उसका “पुरानी तस्वीरें” लिंक इस्तेमाल करें।

## सूचियों के पन्ने, और पन्नों के पते

jobs-pager-newest = ← सबसे नए
jobs-pager-older = पुराने →
jobs-address-damaged = इस पन्ने के पते का कोई हिस्सा खराब है या दोहराया गया है, इसलिए हम समझ नहीं पाए कि क्या दिखाना है। पन्ने को उसके लिंक या मेन्यू से फिर से खोलें।

## कॉपी बटन

jobs-copy-done = कॉपी हो गया
jobs-copy-failed = कॉपी नहीं हुआ
jobs-copy-said = कॉपी हो गया।
jobs-copy-said-failed = कॉपी नहीं हो पाया; टेक्स्ट को चुनकर कॉपी करें।
