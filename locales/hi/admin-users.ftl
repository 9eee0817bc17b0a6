# एडमिन के उपयोगकर्ता पेज: सूची में खोज, एक खाते की प्रोफ़ाइल, उसके क्रेडिट बदलना और उसे
# हटाना, और वह ईमेल जो किसी व्यक्ति को तब मिलता है जब एडमिन उसका खाता हटाता है।
# $site साइट का नाम है; $email किसी खाते का पता।

## सूची में खोज

admin-users-search-label = उपयोगकर्ता खोजें
admin-users-search = किसी व्यक्ति को खोजें
admin-users-search-hint = ईमेल पते या नाम की शुरुआत लिखें, जैसे “asha” या “asha@gm”। छोटे-बड़े अक्षर से फ़र्क नहीं पड़ता; नाम पहले अक्षर से मिलाया जाता है, इसलिए “Kumar” लिखने पर “Ravi Kumar” नहीं मिलेगा।
admin-users-search-button = खोजें
admin-users-search-clear = सभी को दिखाएँ
admin-users-caption-search = वे उपयोगकर्ता जिनका ईमेल या नाम “{ $query }” से शुरू होता है, सबसे नए पहले
admin-users-no-match-title = कोई नहीं मिला
admin-users-no-match = कोई ईमेल पता या नाम “{ $query }” से शुरू नहीं होता। वर्तनी जाँचें, या थोड़ा कम लिखकर खोजें।
admin-users-done-deleted = खाता हटा दिया गया। उसका लेजर और भुगतान आपके हिसाब में व्यक्ति की जानकारी के बिना बने रहेंगे, और उन्हें ईमेल से बता दिया गया है।

## एक खाते की प्रोफ़ाइल

admin-user-title = { $email } · उपयोगकर्ता · एडमिन · { $site }
admin-user-description = { $site } पर एक खाता: उसके क्रेडिट, इतिहास और स्थिति।
admin-user-back = ← सभी उपयोगकर्ता
admin-user-account = खाता
admin-user-email = ईमेल
admin-user-verified = पक्का
admin-user-name = नाम
admin-user-no-name = कोई नाम नहीं दिया
admin-user-state = स्थिति
admin-user-active = चालू
admin-user-balance = { $balance } (बन रही तस्वीरों के लिए { $held } रोके गए, { $available } उपलब्ध)
admin-user-payments = भुगतान
admin-user-payments-count = { $count } भुगतान ({ $approved } मंज़ूर, { $pending } फ़ैसले की राह में)
admin-user-jobs = तस्वीरें
admin-user-jobs-link = इस व्यक्ति के जॉब देखें
admin-user-disable-hint = खाता बंद करते ही यह व्यक्ति हर जगह से साइन आउट हो जाता है, उसकी बन रही तस्वीरें रुक जाती हैं, और जब तक आप खाता फिर से चालू नहीं करते, वह साइन इन नहीं कर सकता।
admin-user-damaged-cursor = पुराने क्रेडिट इतिहास का यह लिंक खराब है। व्यक्ति का पेज फिर से खोलें और उसका “पुराने” लिंक इस्तेमाल करें।
admin-user-done-credits = क्रेडिट बदल दिए गए: बैलेंस और नीचे का इतिहास बदलाव दिखाते हैं।

## क्रेडिट बदलना

admin-user-credits = क्रेडिट बदलें
admin-user-credits-lead = { $units } जोड़ें (रिफ़ंड, सद्भावना का तोहफ़ा) या घटाएँ (कोई गलती)। हर बदलाव व्यक्ति के इतिहास में आपके कारण और आपके नाम के साथ, और ऑडिट लॉग में लिखा जाता है।
admin-user-credits-delta = बदलाव
admin-user-credits-delta-hint = एक पूरी संख्या: 50 से 50 जुड़ते हैं, -50 से 50 घटते हैं।
admin-user-credits-reason = कारण
admin-user-credits-reason-hint = ज़रूरी, 3 से 200 अक्षर। व्यक्ति इसे अपने क्रेडिट इतिहास में देखता है।
admin-user-credits-save = क्रेडिट बदलें
admin-users-credits-delta-required = लिखें कि कितने क्रेडिट जोड़ने या घटाने हैं।
admin-users-credits-delta-zero = 0 के अलावा कोई बदलाव लिखें।
admin-users-credits-delta-number = एक पूरी संख्या लिखें, जैसे 50 या -50।
admin-users-credits-delta-range = एक बार में ज़्यादा से ज़्यादा { $max } जोड़े या घटाए जा सकते हैं।
admin-users-credits-reason-required = कम से कम { $min } अक्षरों का कारण लिखें।
admin-users-credits-reason-long = कारण { $max } अक्षरों के भीतर रखें।
admin-user-credits-below-held = अभी आप ज़्यादा से ज़्यादा { $most } घटा सकते हैं: बैलेंस { $balance } है, और उसमें से { $held } बन रही तस्वीरों के लिए रोके गए हैं।
admin-user-ledger-adjustment = एडमिन द्वारा बदलाव

## क्रेडिट इतिहास

admin-user-ledger = क्रेडिट इतिहास
admin-user-ledger-when = कब
admin-user-ledger-change = बदलाव
admin-user-ledger-reason = कारण
admin-user-ledger-by = किसने
admin-user-ledger-by-site = साइट
admin-user-ledger-pages = क्रेडिट इतिहास के पेज
admin-user-ledger-newest = ← सबसे नए
admin-user-ledger-older = पुराने →
admin-user-ledger-past-end = इस इतिहास में इससे पुराना कुछ नहीं है।
admin-user-ledger-empty = इस खाते में अभी तक कोई क्रेडिट नहीं आया-गया।

## खाता हटाना

admin-user-delete = यह खाता हटाएँ
admin-user-delete-lead = व्यक्ति का साइन-इन, प्रॉम्प्ट और तस्वीरें हटा दी जाती हैं और वापस नहीं लाई जा सकतीं। उसका लेजर और भुगतान आपके हिसाब में उसके नाम या पते के बिना बने रहते हैं। उसे ईमेल से बताया जाता है।
admin-user-delete-confirm-label = पक्का करने के लिए खाते का ईमेल पता लिखें
admin-user-delete-confirm-hint = ठीक-ठीक { $email } लिखें।
admin-user-delete-button = खाता हटाएँ
admin-user-delete-confirm = यह इस खाते का ईमेल पता नहीं है: कुछ नहीं हटाया गया।
admin-user-delete-yourself = आप अपना खाता यहाँ से नहीं हटा सकते: अपने खाते का पेज इस्तेमाल करें।
admin-user-delete-jobs-in-progress = इस व्यक्ति की तस्वीरें अभी बन रही हैं। उनके पूरे होने की राह देखें, या उन्हें रोकने के लिए खाता बंद करें, फिर उसे हटाएँ।
admin-user-delete-payment-pending = इस व्यक्ति का एक भुगतान फ़ैसले की राह देख रहा है। पहले उसे मंज़ूर या नामंज़ूर करें।
admin-user-delete-last-admin = यह साइट का अकेला एडमिन है। पहले किसी और को एडमिन बनाएँ।

## हटाए गए खाते, आख़िरी एडमिन, और बिगड़ा हुआ फ़ॉर्म

admin-users-deleted = हटाया गया
admin-users-deleted-no-actions = बदलने को कुछ नहीं
admin-user-deleted-lead = यह खाता हटा दिया गया है। इसका क्रेडिट इतिहास आपके हिसाब-किताब के लिए रहता है; इसमें अब कुछ भी बदला नहीं जा सकता।
admin-users-last-admin = साइन इन कर सकने वाले इस साइट के अकेले एडमिन यही हैं। पहले किसी और को एडमिन बनाएँ।
admin-user-credits-damaged-form = यह फ़ॉर्म बिगड़ गया है। व्यक्ति का पेज फिर से खोलें और वहीं से क्रेडिट बदलें।
admin-user-credits-form-used = यह फ़ॉर्म पहले ही किसी दूसरे बदलाव के लिए इस्तेमाल हो चुका है, इसलिए कुछ नहीं बदला। पेज मौजूदा बैलेंस के साथ फिर से खोला गया है: उसे देख लें, और अगर यह बदलाव अब भी चाहिए तो फिर से क्रेडिट बदलें।

## इन कामों के लिए ऑडिट लॉग के शब्द

admin-audit-user-credits = क्रेडिट बदले
admin-audit-user-disable = एक खाता बंद किया
admin-audit-user-enable = एक खाता चालू किया
admin-audit-user-delete = एक खाता हटाया
admin-audit-value-disabled = बंद
admin-audit-value-deleted = हटाया गया

## उस व्यक्ति को ईमेल जिसका खाता एडमिन ने हटाया

mail-deleted-by-admin-preheader = आपका { $site } खाता साइट ने हटा दिया है।
mail-deleted-by-admin-intro = आपका { $site } खाता ({ $email }) साइट की टीम ने हटा दिया है: आपका साइन-इन, प्रॉम्प्ट और तस्वीरें हटा दी गई हैं, और अब कोई भी इस पते और आपके पुराने पासवर्ड से साइन इन नहीं कर सकता।
mail-deleted-by-admin-question = अगर आपको लगता है कि यह गलती से हुआ है, तो हमसे संपर्क करें।
mail-deleted-by-admin-question-email = अगर आपको लगता है कि यह गलती से हुआ है, तो हमें { $address } पर लिखें।
