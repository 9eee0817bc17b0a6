# एडमिन का "पैक और UPI" पेज: साइट जो क्रेडिट पैक बेचती है और खरीदार कहाँ भुगतान करते हैं।
# $site साइट का नाम है; $unit और $units उसके क्रेडिट का एकवचन और बहुवचन नाम ("Spark",
# "Sparks"); $price लिखी हुई रक़म ("₹149.00"); $pack इकाई सहित पैक के क्रेडिट ("50 Sparks")।

packs-title = पैक और UPI
packs-admin = एडमिन
packs-description = { $site } जो { $unit } पैक बेचता है, और वह UPI ID जिस पर खरीदार भुगतान करते हैं।
packs-lead = वे { $unit } पैक जिनमें से आपके खरीदार चुनते हैं, उसी क्रम में जिसमें वे उन्हें देखते हैं, और वह UPI ID जिस पर उनके भुगतान आते हैं।
packs-pack-credits = { $count } { $count ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
}

## साइट बेच रही है या नहीं।

packs-selling = बिक्री चालू
packs-selling-detail = खरीदारों को { $count ->
    [0] { $count } पैक बिक्री पर दिखते हैं
    [one] { $count } पैक बिक्री पर दिखता है
   *[other] { $count } पैक बिक्री पर दिखते हैं
} और वे <span class="mono break-anywhere">{ $vpa }</span> पर भुगतान करते हैं।
packs-not-selling = बिक्री बंद
packs-not-selling-nothing = अभी कोई { $units } नहीं खरीद सकता: नीचे अपनी UPI ID डालें और कम से कम एक पैक बिक्री पर रखें।
packs-not-selling-no-upi = कोई { $units } नहीं खरीद सकता: भुगतान लेना शुरू करने के लिए नीचे अपनी UPI ID डालें।
packs-not-selling-no-pack = कोई { $units } नहीं खरीद सकता: कम से कम एक पैक बिक्री पर रखें।

## पैक की सूची।

packs-packs = पैक
packs-caption = पैक, उसी क्रम में जिसमें खरीदार उन्हें देखते हैं
packs-pack = पैक
packs-price = कीमत
packs-per-image = प्रति इमेज
packs-per-unit = प्रति { $unit }
packs-status = स्थिति
packs-actions = कार्रवाई
packs-on-sale = बिक्री पर
packs-off-sale = बिक्री से हटा
packs-bought = खरीदा गया
packs-up = ऊपर<span class="visually-hidden">: { $price } वाला { $pack } ऊपर ले जाएँ</span>
packs-down = नीचे<span class="visually-hidden">: { $price } वाला { $pack } नीचे ले जाएँ</span>
packs-take-off-sale = बिक्री से हटाएँ<span class="visually-hidden">: { $price } वाला { $pack }</span>
packs-put-on-sale = बिक्री पर रखें<span class="visually-hidden">: { $price } वाला { $pack }</span>
packs-delete = हटाएँ<span class="visually-hidden">: { $price } वाला { $pack }</span>
packs-edit = बदलें<span class="visually-hidden">: { $price } वाला { $pack }</span>
packs-price-label = कीमत ₹ में
packs-edit-hint = जो अनुरोध पहले हो चुके हैं, उनके { $units } और कीमत वही रहती है जिस पर वे किए गए थे; ये सिर्फ़ नए अनुरोधों पर लागू होंगे।
packs-save = बदलाव सेव करें<span class="visually-hidden">: { $pack }</span>
packs-bought-note = जो पैक कभी खरीदा गया हो, वह अपने भुगतानों के साथ रिकॉर्ड में रहता है, इसलिए उसे हटाया नहीं जा सकता; इसकी जगह उसे बिक्री से हटा दें।
packs-none = अभी कोई पैक नहीं
packs-none-hint = नीचे अपना पहला पैक जोड़ें। खरीदारों को बिक्री वाले पैक उसी क्रम में दिखते हैं जिसमें वे यहाँ हैं।

## पैक जोड़ना।

packs-add-title = पैक जोड़ें
packs-add-hint = नया पैक सूची के आख़िर में बिक्री पर आता है; बाद में उसे ऊपर या नीचे ले जा सकते हैं।
packs-add = पैक जोड़ें

## खरीदार कहाँ भुगतान करते हैं।

packs-payee-title = खरीदार कहाँ भुगतान करते हैं
packs-payee-lead = खरीदार इन दो जानकारियों से बना UPI QR कोड स्कैन करते हैं, इसलिए भुगतान सीधे आपके खाते में आते हैं। UPI ID ध्यान से जाँचें: ग़लत UPI ID पर भेजा गया भुगतान वापस नहीं लिया जा सकता।
packs-upi-id = UPI ID
packs-upi-id-example = yourname@okaxis
packs-upi-id-hint = जैसा आपका UPI ऐप दिखाता है, उदाहरण के लिए yourshop@okaxis।
packs-payee-name = प्राप्तकर्ता का नाम
packs-payee-name-hint = वह नाम जो खरीदारों को भुगतान से पहले उनके UPI ऐप में दिखता है; ज़्यादा से ज़्यादा 60 अक्षर।
packs-save-upi = UPI विवरण सेव करें
packs-stop-hint = भुगतान बंद करने से आपकी UPI ID हट जाती है: जब तक आप फिर से UPI ID नहीं डालते, खरीदने का पेज बंद रहता है। जिन भुगतानों की पुष्टि हो चुकी है, वे आपके फ़ैसले के लिए डेस्क पर बने रहते हैं।
packs-stop = भुगतान लेना बंद करें

## किसी बदलाव के बाद पेज का संदेश, और फ़ॉर्म के संदेश।

packs-done-created = पैक सूची के आख़िर में जोड़ दिया गया है, बिक्री पर।
packs-done-updated = पैक बदल दिया गया। जो अनुरोध पहले हो चुके हैं, उनके क्रेडिट और कीमत वही रहती है।
packs-done-activated = पैक फिर से बिक्री पर है।
packs-done-deactivated = पैक बिक्री से हटा दिया गया: खरीदारों को अब यह नहीं दिखता।
packs-done-moved = क्रम बदल दिया गया।
packs-done-deleted = पैक हटा दिया गया।
packs-done-payee = आपकी UPI ID और प्राप्तकर्ता का नाम सेव हो गए।
packs-done-stopped = भुगतान बंद हैं: आपकी UPI ID हटा दी गई, और जब तक आप फिर से UPI ID नहीं डालते, कोई खरीद नहीं सकता।
packs-bought-refused = { $price } वाला { $pack } का पैक खरीदा जा चुका है, इसलिए यह अपने भुगतानों के साथ रिकॉर्ड में रहेगा। इसकी जगह इसे बिक्री से हटा दें: यह खरीदने के पेज से हट जाएगा और बाक़ी कुछ नहीं बदलेगा।
packs-credits-missing = पैक में कितने { $units } हैं, लिखें, जैसे 50।
packs-credits-not-number = { $typed } { $units } की पूर्ण संख्या नहीं है; 50 जैसी कोई संख्या लिखें।
packs-upi-id-missing = वह UPI ID लिखें जिस पर खरीदार भुगतान करते हैं, जैसे yourshop@okaxis। भुगतान लेना बंद करने के लिए इसकी जगह “भुगतान लेना बंद करें” इस्तेमाल करें।
