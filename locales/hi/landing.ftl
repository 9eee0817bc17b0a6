# साइट का होम पेज। $unit और $units साइट के अपने क्रेडिट का एकवचन और बहुवचन हैं ("Spark",
# "Sparks"), जैसे साइट ने लिखे हैं; $bonus नए खाते के मुफ़्त क्रेडिट, $cost एक सहेजी गई
# तस्वीर की कीमत।

## डिफ़ॉल्ट थीम

landing-title-fallback = AI से तस्वीरें बनाएँ
landing-pill-bonus = साइन अप करते ही { $bonus } मुफ़्त { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}
landing-hero-title = शब्दों में बताएँ। <span class="gradient-text">तस्वीर बनती देखें।</span>
landing-hero-lead = हर तस्वीर आपके लिए नए सिरे से बनती है। उसे बनते हुए लाइव देखें, पूरे साइज़ में डाउनलोड करें, और अपने निजी इतिहास में जब चाहें दोबारा पाएँ।
landing-cta-claim = { $bonus } मुफ़्त { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} पाएँ
landing-cta-how = देखें यह कैसे काम करता है
landing-fact-no-card = शुरू करने के लिए कार्ड की ज़रूरत नहीं
landing-fact-cost = हर सहेजी गई तस्वीर पर { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}
landing-fact-upi = UPI से जब चाहें रिचार्ज करें

landing-mock-page = तस्वीर बनाएँ
landing-mock-prompt-label = प्रॉम्प्ट
landing-mock-prompt = शाम के धुँधलके में चट्टान पर खड़ा काग़ज़ की कतरनों से बना लाइटहाउस, पेस्टल आसमान, नरम रोशनी
landing-mock-cost = { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}
landing-mock-generate = बनाएँ
landing-mock-saved = सहेजी गई · तस्वीर डाउनलोड करें
landing-mock-progress = कतार में अगली · बन रही है

landing-how-eyebrow = यह कैसे काम करता है
landing-how-title = सोच से तस्वीर तक, बस चार कदम
landing-how-lead = न कोई सॉफ़्टवेयर इंस्टॉल करना है, न कोई सब्सक्रिप्शन। भुगतान { $units } से होता है, और वह भी तभी जब तस्वीर सच में आपको मिल जाए।
landing-step-account-title = अपना खाता बनाएँ
landing-step-account = अपने ईमेल से साइन अप करें, और हम तुरंत आपके बैलेंस में { $bonus } मुफ़्त { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} जोड़ देंगे।
landing-step-account-link = खाता बनाएँ
landing-step-describe-title = अपनी तस्वीर के बारे में लिखें
landing-step-describe = ‘तस्वीर बनाएँ’ पेज पर प्रॉम्प्ट लिखें, चौड़ाई और ऊँचाई चुनें, और एक से ज़्यादा मॉडल हों तो अपनी पसंद का मॉडल चुन लें।
landing-step-describe-link = ‘तस्वीर बनाएँ’ पर जाएँ
landing-step-watch-title = उसे बनते हुए लाइव देखें
landing-step-watch = पहले कतार में आपकी जगह दिखती है, फिर प्रोग्रेस बार। तैयार तस्वीर उसी पेज पर आ जाती है, पेज दोबारा लोड करने की ज़रूरत नहीं।
landing-step-watch-link = इसमें कितना समय लगता है?
landing-step-keep-title = डाउनलोड करें और सँभालकर रखें
landing-step-keep = एक क्लिक में फ़ाइल सहेजें। आपकी बनाई हर तस्वीर आपके इतिहास में रहती है, ताकि बाद में उसे फिर से डाउनलोड कर सकें।
landing-step-keep-link = इतिहास पर जाएँ
landing-topup-title = और { $units } चाहिए?
landing-topup = खरीदारी पेज पर कोई पैक चुनें, किसी भी UPI ऐप से UPI QR कोड स्कैन करें, फिर अपना ट्रांज़ैक्शन रेफ़रेंस नंबर डालें। भुगतान की जाँच होते ही आपका बैलेंस भर दिया जाता है।
landing-topup-buy = { $units } खरीदें

landing-features-eyebrow = आपको क्या मिलता है
landing-features-title = ईमानदार, निजी और भरोसेमंद सेवा
landing-feature-private-title = शुरू से ही निजी
landing-feature-private = आपके प्रॉम्प्ट और तस्वीरें सिर्फ़ आप और इस साइट के एडमिन देख सकते हैं। तस्वीरें हमेशा ऐसे लिंक से मिलती हैं जो हर बार अनुमति जाँचता है, किसी सार्वजनिक पते से कभी नहीं।
landing-feature-pay-title = पैसे सिर्फ़ सहेजी गई तस्वीरों के
landing-feature-pay = { $units } तभी कटते हैं जब आपकी तस्वीर बनकर सहेज ली जाती है। जो काम फ़ेल हो जाए या जिसका समय पूरा हो जाए, उसका कोई पैसा नहीं लगता।
landing-feature-retries-title = अपने-आप दोबारा कोशिश
landing-feature-retries = तस्वीर बनते समय कुछ गड़बड़ हो जाए, तो हम आपके लिए ज़्यादा से ज़्यादा { $retries } बार और कोशिश करते हैं। उसके बाद ही काम को फ़ेल बताया जाता है, साथ में उसकी वजह भी।
landing-feature-live-title = लाइव प्रोग्रेस
landing-feature-live = कतार में आपकी जगह और तस्वीर बनने की प्रगति अपने-आप अपडेट होती रहती है, और तैयार होते ही तस्वीर सामने आ जाती है।
landing-feature-history-title = आपका अपना इतिहास
landing-feature-history = आपका भेजा हर काम अपने प्रॉम्प्ट और स्थिति के साथ इतिहास में दर्ज रहता है, ताकि आप पुरानी तस्वीरें कभी भी ढूँढकर डाउनलोड कर सकें।
landing-feature-no-limit-title = रोज़ की कोई सीमा नहीं
landing-feature-no-limit = जितना बैलेंस हो, उतनी तस्वीरें बनाएँ। न रोज़ की कोई सीमा है, न कोई सब्सक्रिप्शन सँभालना है।

landing-specs-eyebrow = साइज़ और सीमाएँ
landing-specs-title = साफ़ आँकड़े, कोई छिपी शर्त नहीं
landing-specs-lead = तय दायरे में कोई भी चौड़ाई और ऊँचाई चुनें। ज़्यादातर मॉडलों से सबसे साफ़ नतीजों के लिए साइज़ 64 के गुणज में रखें{ $examples ->
    [1] , जैसे 512 × 512
    [2] , जैसे 512 × 512 या 768 × 768
   *[0] {""}
}।
landing-specs-more = साइज़ के बारे में और जानें
landing-spec-size = तस्वीर का साइज़
landing-spec-size-value = हर तरफ़ { $min } से { $max } px तक
landing-spec-step = साइज़ के चरण
landing-spec-step-value = हर { $step } px
landing-spec-price = प्रति तस्वीर कीमत
landing-spec-price-value = { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}, तस्वीर सहेजे जाने पर ही
landing-spec-time = प्रति काम समय-सीमा
landing-spec-time-value = { $minutes } मिनट, उसके बाद काम बिना कोई पैसा लिए फ़ेल हो जाता है
landing-spec-attempts = अपने-आप होने वाली कोशिशें
landing-spec-attempts-value = हर काम के लिए ज़्यादा से ज़्यादा { $attempts }
landing-spec-daily = रोज़ की सीमा
landing-spec-daily-value = कोई नहीं

landing-questions-eyebrow = सवाल
landing-questions-title = काम की बातें
landing-q-credit = { $unit } क्या है?
landing-a-credit = यह इस साइट पर खर्च होने वाला क्रेडिट है: { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} में एक सहेजी गई तस्वीर मिलती है। हर नया खाता { $bonus } मुफ़्त { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} के साथ शुरू होता है।
landing-q-failure = अगर तस्वीर बनाना फ़ेल हो जाए, तो क्या होगा?
landing-a-failure = आपके बैलेंस से कुछ नहीं कटता। हम अपने-आप दोबारा कोशिश करते हैं, और अगर फिर भी काम पूरा न हो सके, तो उसे फ़ेल मार्क करके वजह दिखा दी जाती है।
landing-a-failure-no-retries = आपके बैलेंस से कुछ नहीं कटता। काम को फ़ेल मार्क कर दिया जाता है और वजह दिखाई जाती है, और आप उसे फिर से भेज सकते हैं।
landing-q-payment = और खरीदने के लिए भुगतान कैसे करें?
landing-a-payment = खरीदारी पेज पर कोई पैक चुनें और किसी भी UPI ऐप से भुगतान करें। फिर 12 अंकों का ट्रांज़ैक्शन रेफ़रेंस नंबर (UTR) डालें; भुगतान की जाँच होते ही आपके { $units } आ जाएँगे।
landing-q-privacy = मेरी तस्वीरें कौन देख सकता है?
landing-a-privacy = सिर्फ़ आप और इस साइट के एडमिन। कुछ भी सार्वजनिक नहीं किया जाता, और आपका डेटा कभी किसी तीसरे पक्ष को नहीं दिया जाता।
landing-questions-all = सारे सवाल-जवाब पढ़ें

landing-final-title = आपकी अगली तस्वीर बस एक वाक्य की दूरी पर है।
landing-final = मुफ़्त खाता बनाएँ और हमारी ओर से { $bonus } { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} के साथ शुरुआत करें।
landing-final-start = मुफ़्त में शुरू करें
landing-final-sign-in = मेरा खाता पहले से है

## "noir" थीम का अपना होम पेज, उसकी अपनी शैली में

landing-noir-title-fallback = शब्दों से रची तस्वीरें
landing-noir-studio = तस्वीरों का स्टूडियो
landing-noir-hero-title = शब्द, जो <em>तस्वीर</em> बन जाते हैं।
landing-noir-lead = एक वाक्य लिखें। उसे एक मौलिक तस्वीर में बदलते देखें: लाइव बनती हुई, और आपके निजी संग्रह में सहेजी हुई। पैसे सिर्फ़ उसी के लगते हैं जो आपको मिलता है।
landing-noir-cta-claim = { $bonus } मुफ़्त { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} पाएँ
landing-noir-cta-sign-in = साइन इन
landing-noir-fact-gift = स्वागत उपहार
landing-noir-fact-gift-value = { $bonus } { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}
landing-noir-fact-cost = प्रति तस्वीर
landing-noir-fact-cost-value = { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}
landing-noir-fact-size = अधिकतम
landing-noir-fact-size-value = { $max } px

landing-noir-plate = चित्र { $number }
landing-noir-plate-arch-alt = चित्रण: धूप से नहाए मेहराब में खड़ी एक छोटी-सी आकृति
landing-noir-plate-arch = “धूप से नहाए मेहराब में एक अकेली आकृति, गुनगुनी साँझ, हल्का ग्रेन।”

landing-noir-process-label = प्रक्रिया
landing-noir-process-title = वाक्य से प्रिंट तक, चार पड़ाव।
landing-noir-step-account-title = खाता खोलें
landing-noir-step-account = अपने ईमेल से रजिस्टर करें; आपके बैलेंस में तुरंत { $bonus } { $bonus ->
    [0] { $units } जमा हो जाते हैं
    [one] { $unit } जमा हो जाता है
   *[other] { $units } जमा हो जाते हैं
}।
landing-noir-step-account-link = रजिस्टर करें
landing-noir-step-prompt-title = प्रॉम्प्ट लिखें
landing-noir-step-prompt = ‘तस्वीर बनाएँ’ पेज पर दृश्य का वर्णन करें, चौड़ाई और ऊँचाई तय करें, और कई मॉडल हों तो उनमें से एक चुनें।
landing-noir-step-prompt-link = तस्वीर बनाएँ
landing-noir-step-watch-title = उसे उभरते देखें
landing-noir-step-watch = कतार में अपनी जगह और तस्वीर बनने की प्रगति पर नज़र रखें। तस्वीर पेज पर अपने-आप आ जाती है।
landing-noir-step-watch-link = समय
landing-noir-step-keep-title = नतीजा सहेजें
landing-noir-step-keep = एक क्लिक में फ़ाइल डाउनलोड करें। हर रचना आपके इतिहास में रहती है, दोबारा डाउनलोड के लिए तैयार।
landing-noir-step-keep-link = इतिहास
landing-noir-topup = बैलेंस कम हो रहा है? <a href="/buy">खरीदारी पेज</a> पर कोई पैक चुनें, UPI QR कोड स्कैन करें, ट्रांज़ैक्शन रेफ़रेंस नंबर डालें, और भुगतान की जाँच होते ही आपके { $units } आ जाएँगे।

landing-noir-gallery-label = गैलरी
landing-noir-gallery-title = हर मिज़ाज, हर माध्यम।
landing-noir-gallery-lead = स्याही, तैलचित्र, फ़िल्म, ज्यामिति या सिर्फ़ रोशनी। कुछ नमूने, जो दिखाते हैं कि एक अकेला वाक्य क्या-क्या माँग सकता है।
landing-noir-plate-moon-alt = चित्रण: अँधेरे, ठहरे पानी में झलकता फीका चाँद
landing-noir-plate-moon = रात्रि-राग, ठहरा पानी
landing-noir-plate-sun-alt = चित्रण: क्रीम रंग के काग़ज़ पर लाल सूरज के साथ ज्यामितीय रचना
landing-noir-plate-sun = लाल सूरज के साथ एक अध्ययन
landing-noir-plate-bloom-alt = चित्रण: काली पृष्ठभूमि पर फ़िरोज़ी, अंबर और गहरे लाल रंगों के मुलायम फैलाव
landing-noir-plate-bloom = खिलते रंग, फ़िरोज़ी और अंबर
landing-noir-plate-ridges-alt = चित्रण: कोहरे में धुँधलाती, स्याही से बनी पहाड़ों की परतें
landing-noir-plate-ridges = कोहरे में पहाड़ियाँ, सुमी स्याही
landing-noir-plate-orbit-alt = चित्रण: सुनहरे केंद्र के चारों ओर पतली, एक-केंद्रीय कक्षाएँ
landing-noir-plate-orbit = कक्षाएँ, महीन रेखाएँ
landing-noir-plate-lines-alt = चित्रण: पतली सुनहरी रेखाओं से बनी बहती लहरें
landing-noir-plate-lines = सोने के वर्क में ज्वार

landing-noir-rules-label = हमारे नियम
landing-noir-rules-title = ईमानदार, निजी, भरोसेमंद।
landing-noir-rule-private-title = पूरी तरह निजी
landing-noir-rule-private = प्रॉम्प्ट और तस्वीरें सिर्फ़ आप और इस साइट के एडमिन देख सकते हैं। हर तस्वीर ऐसे लिंक से दी जाती है जो हर बार अनुमति जाँचता है, किसी सार्वजनिक पते से कभी नहीं।
landing-noir-rule-pay-title = पैसे सिर्फ़ सहेजी गई तस्वीर के
landing-noir-rule-pay = { $units } तभी लिए जाते हैं जब तस्वीर बन जाए और सहेज ली जाए। फ़ेल हुए या समय से बाहर हुए काम का कोई पैसा नहीं लगता।
landing-noir-rule-retries-title = दोबारा कोशिश, हमारी ओर से
landing-noir-rule-retries = तस्वीर बनाने में अड़चन आए, तो अपने-आप ज़्यादा से ज़्यादा { $retries } बार और कोशिश होती है। फिर भी न बने, तो आपको वजह दिखाई जाती है।
landing-noir-rule-live-title = प्रगति, लाइव
landing-noir-rule-live = कतार में जगह और तस्वीर बनने की प्रगति अपने-आप ताज़ा होती रहती है। न पेज रीलोड करना, न अंदाज़ा लगाना।
landing-noir-rule-archive-title = आपका अपना संग्रह
landing-noir-rule-archive = इतिहास में हर काम अपने प्रॉम्प्ट और स्थिति के साथ रहता है, इसलिए पुराना काम हमेशा बस एक क्लिक दूर है।
landing-noir-rule-no-limit-title = रोज़ की कोई सीमा नहीं
landing-noir-rule-no-limit = जितना बैलेंस हो, उतना रचें, और जब चाहें UPI से रिचार्ज करें।

landing-noir-spec-label = विवरण
landing-noir-spec-title = बारीक शर्तें, मोटे अक्षरों में।
landing-noir-spec-lead = 64 के गुणज वाले साइज़ अक्सर सबसे साफ़ नतीजे देते हैं{ $examples ->
    [1] , जैसे 512 × 512
    [2] , जैसे 512 × 512 या 768 × 768
   *[0] {""}
}। <a href="/faq#sizes">साइज़ के बारे में और जानें</a>।
landing-noir-spec-size = आयाम
landing-noir-spec-size-value = हर तरफ़ { $min }–{ $max } px
landing-noir-spec-step = बढ़त
landing-noir-spec-step-value = { $step } px
landing-noir-spec-price = कीमत
landing-noir-spec-price-value = हर सहेजी गई तस्वीर पर { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}
landing-noir-spec-time = समय-सीमा
landing-noir-spec-time-value = { $minutes } मिनट, उसके बाद बिना कोई पैसा लिए छोड़ दिया जाता है
landing-noir-spec-attempts = कोशिशें
landing-noir-spec-attempts-value = हर काम के लिए ज़्यादा से ज़्यादा { $attempts }
landing-noir-spec-daily = रोज़ की सीमा
landing-noir-spec-daily-value = कोई नहीं

landing-noir-questions-label = सवाल
landing-noir-questions-title = अक्सर पूछे जाने वाले।
landing-noir-questions-all = सारे सवाल-जवाब
landing-noir-q-credit = { $unit } क्या है?
landing-noir-a-credit = इस घर की अपनी मुद्रा। { $cost } { $cost ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} में एक सहेजी गई तस्वीर मिलती है, और हर नया खाता { $bonus } { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} के साथ खुलता है।
landing-noir-q-failure = और अगर तस्वीर न बन पाए?
landing-noir-a-failure = आपका बैलेंस जस का तस रहता है। काम की अपने-आप दोबारा कोशिश होती है; फिर भी न बने, तो उसे फ़ेल मार्क करके वजह दिखाई जाती है।
landing-noir-a-failure-no-retries = आपका बैलेंस जस का तस रहता है। काम को फ़ेल मार्क किया जाता है और वजह दिखाई जाती है; जब चाहें उसे फिर से भेजें।
landing-noir-q-payment = भुगतान कैसे करूँ?
landing-noir-a-payment = किसी भी UPI ऐप से। खरीदारी पेज पर कोई पैक चुनें, भुगतान करें, फिर 12 अंकों का ट्रांज़ैक्शन रेफ़रेंस नंबर (UTR) डालें। भुगतान की जाँच होते ही आपके { $units } आ जाएँगे।
landing-noir-q-privacy = मेरी तस्वीरें कौन देखता है?
landing-noir-a-privacy = आप, और इस साइट के एडमिन। न कुछ सार्वजनिक किया जाता है, न किसी तीसरे पक्ष को दिया जाता है।

landing-noir-final-label = शुरुआत
landing-noir-final-title = आपके पहले { $bonus } { $bonus ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} <em>हमारी ओर से।</em>
landing-noir-final-register = मुफ़्त खाता बनाएँ
landing-noir-final-faq = सवाल-जवाब पढ़ें
