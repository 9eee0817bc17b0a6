# प्लैटफ़ॉर्म होस्ट का होम पेज, उन रीसेलर्स के लिए जो इस पर अपनी साइट चला सकते हैं।
# $platform प्लैटफ़ॉर्म का नाम है ("Atelier")।

platform-home-title = आपके ब्रांड के नाम से, आपका अपना AI इमेज स्टूडियो
platform-home-description = { $platform } रीसेलर्स के लिए उनके अपने ब्रांड वाली AI इमेज जनरेशन साइटें चलाता है: आपका डोमेन, आपके रंग, आपकी कीमतें, और भुगतान UPI से।
platform-home-nav-main = मुख्य
platform-home-nav-footer = पन्ने के नीचे
platform-home-demo = लाइव डेमो
platform-home-demo-site = लाइव डेमो साइट
platform-home-sign-in = संचालक साइन-इन
platform-home-footer-heading = प्लैटफ़ॉर्म

platform-home-pill = व्हाइट-लेबल AI इमेज जनरेशन
platform-home-hero-title = आपका ब्रांड। आपका डोमेन। <span class="gradient-text">हमारा रेंडर फ़ार्म।</span>
platform-home-lead = { $platform } हर रीसेलर को तस्वीरें बनाने की एक पूरी साइट देता है: मुफ़्त { $units } के साथ साइन-अप, GPU वर्करों पर लाइव रेंडरिंग, निजी गैलरी, और UPI रिचार्ज जिन्हें आप ख़ुद मंज़ूर करते हैं।
platform-home-explore-demo = डेमो साइट देखें

platform-home-what-eyebrow = हर साइट को क्या मिलता है
platform-home-what-title = पैसे देकर आने वाला ग्राहक जो कुछ चाहता है, सब पहले ही दिन से
platform-home-domain-title = आपका अपना डोमेन और रूप-रंग
platform-home-domain = अपना डोमेन हमारी ओर पॉइंट करें, कोई थीम चुनें, अपना लोगो और रंग लगाएँ। आपके विज़िटर को कभी कोई दूसरा ब्रांड नहीं दिखता।
platform-home-credits-title = आपके दिए नाम वाले क्रेडिट
platform-home-credits = उन्हें Sparks, Tokens या Coins, जो चाहें कहें; साइन-अप बोनस और बेचे जाने वाले पैक, रुपये में, आप ख़ुद तय करें।
platform-home-upi-title = UPI भुगतान, आपकी मंज़ूरी से
platform-home-upi = ग्राहक किसी भी UPI ऐप से भुगतान करके अपना ट्रांज़ैक्शन रेफ़रेंस भेजते हैं; आप उसे मंज़ूर करते हैं और बैलेंस अपडेट हो जाता है।
platform-home-rendering-title = निष्पक्ष, भरोसेमंद रेंडरिंग
platform-home-rendering = हर काम की ज़्यादा से ज़्यादा { $retries } बार दोबारा कोशिश होती है, और तस्वीर सहेजी न जाए तो कभी पैसा नहीं कटता; कोई व्यस्त पड़ोसी साइट आपकी कतार को रोक नहीं सकती।
platform-home-rendering-no-retries = तस्वीर सहेजी न जाए तो कभी पैसा नहीं कटता, और कोई व्यस्त पड़ोसी साइट आपकी कतार को रोक नहीं सकती।
platform-home-gpus-title = अपने GPU ख़ुद लाएँ
platform-home-gpus = अपने ComfyUI वर्कर जोड़ें, साझा पूल इस्तेमाल करें, या दोनों।
platform-home-private-title = पूरी तरह निजी
platform-home-private = हर साइट के यूज़र, तस्वीरें और भुगतान अलग-अलग रखे जाते हैं; तस्वीरें सिर्फ़ उनके मालिक और उस साइट के एडमिन को दिखती हैं।
