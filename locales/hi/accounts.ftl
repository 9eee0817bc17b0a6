# साइन अप, साइन इन और आउट, पासवर्ड बदलना, ईमेल पता पक्का करना, और खाते का पन्ना।
# $site साइट का नाम है; $unit और $units उसके क्रेडिट का एकवचन और बहुवचन ("Spark",
# "Sparks"), जिन्हें $count चुनता है।

## कई पन्नों के साझा शब्द

accounts-sign-in = साइन इन
accounts-operator-sign-in = संचालक साइन-इन
accounts-email-address = ईमेल पता
accounts-password = पासवर्ड
accounts-password-hint = कम से कम 8 अक्षर, और कोई नियम नहीं। कुछ बेमेल शब्द मिलाकर एक मज़बूत पासवर्ड बनता है जो याद रखना आसान है।
accounts-new-password = नया पासवर्ड
accounts-current-password = मौजूदा पासवर्ड
accounts-back-to-sign-in = साइन इन पर वापस जाएँ
accounts-send-new-link = मुझे नया लिंक भेजें
accounts-go-to-account = अपने खाते पर जाएँ
accounts-create-image = तस्वीर बनाएँ
accounts-continue = आगे बढ़ें
accounts-link-expired = इस लिंक की समय-सीमा ख़त्म हो गई है
accounts-link-used = यह लिंक पहले ही इस्तेमाल हो चुका है
accounts-link-invalid = यह लिंक सही नहीं है
# ईमेल में भेजा गया लिंक कितनी देर चलता है: "एक घंटे", "15 मिनट", "24 घंटे"।
accounts-link-minutes = { $minutes ->
        [60] एक घंटे
        [0] { $minutes } मिनट
        [one] { $minutes } मिनट
       *[other] { $minutes } मिनट
    }
accounts-link-hours = { $hours } घंटे

## साइन इन

accounts-login-console = { $platform } कंसोल में साइन इन करें।
accounts-login-description = तस्वीरें बनाने और अपना इतिहास देखने के लिए अपने { $site } खाते में साइन इन करें।
accounts-login-welcome = { $site } पर आपका फिर से स्वागत है।
accounts-login-forgot = पासवर्ड भूल गए?
accounts-login-new = { $site } पर नए हैं? <a href="/register">खाता बनाएँ</a>।
accounts-login-new-bonus = { $site } पर नए हैं? <a href="/register">खाता बनाएँ</a> और { $count } मुफ़्त { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } पाएँ।
accounts-login-wrong = यह ईमेल और पासवर्ड यहाँ किसी खाते से मेल नहीं खाते। दोनों जाँचकर फिर से कोशिश करें।
accounts-login-disabled = यह खाता बंद कर दिया गया है। अगर आपको लगता है कि यह ग़लती है, तो सहायता टीम से संपर्क करें।
accounts-login-password-changed = आपका पासवर्ड बदल दिया गया है। नए पासवर्ड से साइन इन करें।
accounts-login-password-chosen = आपका पासवर्ड तय हो गया है। अपना कंसोल खोलने के लिए इससे साइन इन करें।

## साइन अप

accounts-register-title = अपना खाता बनाएँ
accounts-register-description = अपना { $site } खाता बनाएँ।
accounts-register-description-bonus = अपना { $site } खाता बनाएँ और { $count } मुफ़्त { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } से शुरू करें।
accounts-register-lead = इसमें एक मिनट से भी कम लगता है। कार्ड की ज़रूरत नहीं।
accounts-register-lead-bonus = { $count } मुफ़्त { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } से शुरू करें। कार्ड की ज़रूरत नहीं।
accounts-your-name = आपका नाम
accounts-optional = (वैकल्पिक)
accounts-register-name-hint = ताकि हम ईमेल में आपको आपके नाम से बुला सकें।
accounts-register-email-hint = इसे पक्का करने के लिए हम एक लिंक भेजेंगे। साइन इन भी आप इसी से करेंगे।
accounts-register-submit = खाता बनाएँ
accounts-register-legal = खाता बनाकर आप हमारी <a href="/terms">शर्तें</a> और <a href="/privacy">निजता नीति</a> मानते हैं।
accounts-register-have-account = पहले से खाता है? <a href="/login">साइन इन करें</a>
# बड़े अक्षरों में लिखी मुफ़्त क्रेडिट की संख्या के बगल में।
accounts-register-free-unit = मुफ़्त { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    }
accounts-register-gift = आपका स्वागत उपहार
accounts-register-gift-after-confirm = साइन अप के बाद भेजे गए लिंक से अपना ईमेल पता पक्का करते ही आपके { $count } मुफ़्त { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } आ जाएँगे।
accounts-register-gift-now = खाता बनते ही आपके { $count } मुफ़्त { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } आपके बैलेंस में जुड़ जाते हैं।
accounts-register-what-you-get = आपको क्या मिलता है
accounts-register-perk-cost = हर सहेजी गई तस्वीर के { $count } { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    }, नाकाम तस्वीरों का कुछ नहीं
accounts-register-perk-live = हर तस्वीर को बनते हुए लाइव देखें
accounts-register-perk-private = आपकी तस्वीरें निजी रहती हैं, आपके अपने इतिहास में
accounts-register-perk-top-up = जब चाहें टॉप-अप करें; कोई सब्सक्रिप्शन नहीं
accounts-register-exists = इस ईमेल से पहले से एक खाता है। साइन इन करें, या पासवर्ड भूल गए हों तो उसे बदलें।
accounts-register-too-many = आज आपके नेटवर्क से बहुत सारे खाते बनाए गए हैं। कृपया कल फिर कोशिश करें, या अगर आप यह कनेक्शन दूसरों के साथ साझा करते हैं तो सहायता टीम से संपर्क करें।

## भूला हुआ और नया पासवर्ड

accounts-forgot-title = अपना पासवर्ड बदलें
accounts-forgot-description = पासवर्ड भूल गए? नया पासवर्ड चुनने के लिए लिंक मँगाएँ।
accounts-forgot-lead = वह ईमेल पता लिखें जिससे आपने साइन अप किया था। हम आपको नया पासवर्ड चुनने का लिंक भेजेंगे।
accounts-forgot-submit = मुझे पासवर्ड बदलने का लिंक ईमेल करें
accounts-forgot-remembered = याद आ गया? <a href="/login">साइन इन पर वापस जाएँ</a>
accounts-forgot-sent-title = अपना ईमेल देखें
# $expires: लिंक कितनी देर चलता है ("एक घंटे")।
accounts-forgot-sent-lead = अगर <strong class="break-anywhere">{ $email }</strong> का कोई खाता है, तो नया पासवर्ड चुनने का लिंक उस पर भेजा जा रहा है। यह { $expires } तक चलेगा और एक ही बार काम करेगा।
accounts-forgot-sent-hint = कुछ मिनट बाद भी कुछ नहीं आया? अपना स्पैम या जंक फ़ोल्डर देखें, और जाँच लें कि ऊपर लिखा पता वही है जिससे आपने साइन अप किया था।
accounts-forgot-other-address = कोई दूसरा पता आज़माएँ
accounts-reset-title = नया पासवर्ड चुनें
accounts-reset-description = अपने खाते के लिए नया पासवर्ड चुनें।
accounts-reset-lead = अपने खाते के लिए नया पासवर्ड लिखें। अब से आप इसी से साइन इन करेंगे।
accounts-reset-submit = नया पासवर्ड सहेजें
accounts-reset-expired-lead = आपकी सुरक्षा के लिए पासवर्ड बदलने के लिंक { $expires } तक ही चलते हैं। नया लिंक मँगाएँ और उसे इसी समय के अंदर इस्तेमाल करें।
accounts-reset-used-lead = पासवर्ड बदलने का हर लिंक एक ही बार काम करता है। अगर आपने अभी नया पासवर्ड चुना है, तो उससे साइन इन करें। नहीं तो नया लिंक मँगाएँ।
accounts-reset-invalid-lead = हो सकता है यह पूरा कॉपी न हुआ हो। लिंक सीधे ईमेल से खोलें, या पक्का करें कि आपने पूरा लिंक कॉपी किया है। फिर भी काम न करे, तो नया लिंक मँगाएँ।

## ईमेल पता पक्का करना

accounts-verify-title = ईमेल पता पक्का हो गया
accounts-verify-description = अपने { $site } खाते का ईमेल पता पक्का करें।
accounts-verify-done = आपका ईमेल पता पक्का हो गया है
accounts-verify-bonus-added = धन्यवाद! हमने आपके बैलेंस में { $count } { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } जोड़ दिए हैं। आप इन्हें अभी इस्तेमाल कर सकते हैं।
accounts-verify-thanks = धन्यवाद! हम इस पते का इस्तेमाल पासवर्ड बदलने और आपके खाते से जुड़े ज़रूरी संदेशों के लिए करेंगे।
accounts-verify-expired-lead = पुष्टि के लिंक कुछ ही समय तक चलते हैं। अपने खाते के पन्ने से नया लिंक मँगाएँ; बस एक क्लिक लगता है।
accounts-verify-expired-lead-signed-out = पुष्टि के लिंक कुछ ही समय तक चलते हैं। साइन इन करके अपने खाते के पन्ने से नया लिंक मँगाएँ; बस एक क्लिक लगता है।
accounts-verify-used-lead = पुष्टि का हर लिंक एक ही बार काम करता है, इसलिए शायद आपका पता पहले ही पक्का हो चुका है। आपके खाते का पन्ना बताता है कि हुआ है या नहीं; अगर नहीं, तो आप वहीं से नया लिंक मँगा सकते हैं।
accounts-verify-used-lead-signed-out = पुष्टि का हर लिंक एक ही बार काम करता है, इसलिए शायद आपका पता पहले ही पक्का हो चुका है। साइन इन करके देखें: अगर खाते का पन्ना पता अब भी बिना पुष्टि का दिखाए, तो वहीं से नया लिंक मँगाएँ।
accounts-verify-invalid-lead = हो सकता है यह पूरा कॉपी न हुआ हो। लिंक सीधे ईमेल से खोलें, या पक्का करें कि आपने पूरा लिंक कॉपी किया है। आप अपने खाते के पन्ने से नया लिंक भी मँगा सकते हैं।
accounts-verify-invalid-lead-signed-out = हो सकता है यह पूरा कॉपी न हुआ हो। लिंक सीधे ईमेल से खोलें, या पक्का करें कि आपने पूरा लिंक कॉपी किया है। आप साइन इन करके अपने खाते के पन्ने से नया लिंक भी मँगा सकते हैं।

## खाते का पन्ना

accounts-your-account = आपका खाता
accounts-account-description = आपका { $site } बैलेंस, { $unit } इतिहास और खाते की सेटिंग्स।
accounts-account = खाता
accounts-hello = नमस्ते, { $name }
accounts-signed-in-as = साइन इन: <span class="break-anywhere">{ $email }</span>
accounts-confirm-email = कृपया अपना ईमेल पता पक्का करें
accounts-confirm-email-lead = हमने <strong class="break-anywhere">{ $email }</strong> पर एक लिंक भेजा है; पता पक्का करने के लिए उसे खोलें। नहीं मिल रहा? अपना स्पैम फ़ोल्डर देखें, या नया लिंक मँगाएँ।
accounts-confirm-email-bonus = हमने <strong class="break-anywhere">{ $email }</strong> पर एक लिंक भेजा है; पता पक्का करने के लिए उसे खोलें। आपका { $count } { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } का स्वागत बोनस इसी का इंतज़ार कर रहा है और पता पक्का होते ही जुड़ जाएगा। नहीं मिल रहा? अपना स्पैम फ़ोल्डर देखें, या नया लिंक मँगाएँ।
accounts-email-new-link = मुझे नया लिंक ईमेल करें
accounts-balance = बैलेंस
# बड़े अक्षरों में लिखी क्रेडिट की संख्या के बाद।
accounts-balance-available = { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } उपलब्ध
accounts-balance-held = { $count } { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } बन रही तस्वीरों के लिए रोके गए हैं। ये तभी ख़र्च होते हैं जब तस्वीर सहेजी जाए; नहीं तो आपके बैलेंस में लौट आते हैं।
accounts-balance-cost = हर सहेजी गई तस्वीर के { $count } { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } लगते हैं। नाकाम तस्वीरों का कुछ नहीं लगता।
accounts-buy = { $units } खरीदें
accounts-payments = भुगतान
accounts-payments-caption = आपके भुगतान, सबसे नए पहले
accounts-payments-caption-older = आपके भुगतान, सबसे नए पहले (पुराने वाले)
accounts-payment = भुगतान
accounts-status = स्थिति
# $credits: "50 Sparks"; $amount: "₹149.00"।
accounts-payment-summary = { $amount } में { $credits }
accounts-payment-submitted = { $date } को भेजा गया
accounts-ref = रेफ़॰
accounts-payment-approved-on = { $date } को मंज़ूर
accounts-payment-decided-on = { $date } को तय
accounts-payment-pages = भुगतान के पन्ने
accounts-payments-newest = ← सबसे नए भुगतान
accounts-payments-older = पुराने भुगतान →
accounts-payments-no-older = कोई पुराना भुगतान नहीं
accounts-end-of-list = सूची यहीं ख़त्म होती है।
accounts-payments-back = सबसे नए भुगतानों पर वापस जाएँ
accounts-payments-none = अभी तक कोई भुगतान नहीं
accounts-payments-none-lead = जब आप { $units } खरीदेंगे, तो हर भुगतान अपनी स्थिति के साथ यहाँ दिखेगा, और मंज़ूर हुए भुगतान की रसीद भी।
accounts-payments-not-on-sale = इस साइट पर अभी { $units } नहीं बिक रहे हैं; आप बाद में जो भुगतान करेंगे, वे यहाँ दिखेंगे।
accounts-history-title = { $unit } इतिहास
accounts-history-caption = { $unit } इतिहास, सबसे नया पहले
accounts-history-caption-older = { $unit } इतिहास, सबसे नया पहले (पुरानी एंट्री)
accounts-date = तारीख़
accounts-description = विवरण
accounts-change = बदलाव
accounts-see-image = तस्वीर देखें
accounts-history-pages = { $unit } इतिहास के पन्ने
accounts-history-newest = ← सबसे नई एंट्री
accounts-history-older = पुरानी एंट्री →
accounts-history-none = अभी तक कोई गतिविधि नहीं
accounts-history-none-lead = आपको मिलने या ख़र्च होने वाला हर { $unit } यहाँ दिखेगा, तारीख़ और वजह के साथ।
accounts-history-back = सबसे नई एंट्री पर वापस जाएँ
accounts-create-first-image = अपनी पहली तस्वीर बनाएँ
accounts-ledger-signup-bonus = स्वागत बोनस
accounts-ledger-purchase = खरीद
accounts-ledger-generation = तस्वीर बनाई गई
accounts-ledger-adjustment = सहायता टीम द्वारा बदलाव
accounts-history-link-damaged = पुरानी एंट्री का यह लिंक ख़राब है। अपने खाते का पन्ना फिर से खोलें और इतिहास के “पुरानी” लिंक का इस्तेमाल करें।
accounts-email = ईमेल
accounts-confirmed = पक्का
accounts-unconfirmed = पक्का नहीं
accounts-name = नाम
accounts-not-set = नहीं दिया गया
accounts-member-since = सदस्य बने
accounts-change-password = पासवर्ड बदलें
accounts-change-password-lead = यहाँ आप साइन इन रहेंगे। आपके खाते में साइन इन किए गए बाकी सभी डिवाइस साइन आउट हो जाएँगे।
accounts-new-password-hint = कम से कम 8 अक्षर। कुछ बेमेल शब्द मिलाकर एक मज़बूत पासवर्ड बनता है।
accounts-update-password = पासवर्ड अपडेट करें
accounts-not-current-password = यह आपका मौजूदा पासवर्ड नहीं है।
accounts-api-tokens = API टोकन
accounts-api-tokens-lead = अपनी स्क्रिप्ट से JSON API के ज़रिए तस्वीरें बनाएँ। टोकन को <code>Authorization: Bearer …</code> की तरह भेजें; यह आपकी ओर से काम करता है और आपके { $units } ख़र्च करता है।
accounts-new-token-shown-once = <strong>अपना नया टोकन अभी कॉपी कर लें।</strong> आपकी सुरक्षा के लिए यह सिर्फ़ एक बार दिखाया जाता है।
accounts-copy = कॉपी करें
# स्क्रीन रीडर "कॉपी करें" के बाद पढ़ते हैं।
accounts-copy-the-token = टोकन
accounts-copied = कॉपी हो गया
accounts-copy-failed = कॉपी नहीं हुआ
accounts-copied-status = कॉपी हो गया।
accounts-copy-failed-status = कॉपी नहीं हो सका; टेक्स्ट को चुनकर कॉपी करें।
accounts-token-used = { $made } को बना · आख़िरी बार { $used } को इस्तेमाल हुआ
accounts-token-unused = { $made } को बना · कभी इस्तेमाल नहीं हुआ
accounts-revoke = रद्द करें
accounts-no-tokens = अभी तक कोई टोकन नहीं।
accounts-token-name = टोकन का नाम
accounts-token-name-example = जैसे लैपटॉप स्क्रिप्ट
accounts-token-name-hint = नाम से आप इसे बाद में पहचान पाएँगे। जो टोकन अब इस्तेमाल नहीं करते, उसे रद्द कर दें।
accounts-token-password-hint = टोकन आपकी ओर से काम करता है, इसलिए हम आपका पासवर्ड फिर से माँगते हैं। पासवर्ड बदलने या रीसेट होने पर टोकन ख़त्म हो जाते हैं।
accounts-create-token = टोकन बनाएँ
accounts-token-needs-password = टोकन बनाने के लिए अपना मौजूदा पासवर्ड लिखें।
accounts-too-many-tokens = आपके पास { $max } टोकन हैं; पहले कोई एक रद्द करें।
accounts-your-data = आपका डेटा
accounts-your-data-lead = { $site } के पास आपके बारे में जो कुछ है, सब एक ZIP फ़ाइल में: आपका खाता, क्रेडिट इतिहास और भुगतान, हर प्रॉम्प्ट उसकी सेटिंग्स के साथ, और हर तस्वीर।
accounts-download-data = मेरा डेटा डाउनलोड करें
accounts-delete-title = अपना खाता मिटाएँ
accounts-delete-lead = आपका साइन-इन, प्रॉम्प्ट और तस्वीरें तुरंत और हमेशा के लिए मिट जाते हैं, और आपके खाते में बचे { $count } { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } भी; आपके पते पर एक ईमेल इसकी पुष्टि करता है। हम सिर्फ़ भुगतान और क्रेडिट का वह रिकॉर्ड रखते हैं जो क़ानून किसी कारोबार से रखवाता है, और उसमें ऐसा कुछ नहीं होता जिससे पता चले कि आप कौन हैं। जो तस्वीरें रखनी हैं, उन्हें पहले डाउनलोड कर लें।
accounts-delete-password = पुष्टि के लिए आपका पासवर्ड
accounts-delete-submit = मेरा खाता मिटाएँ

## किसी काम के बाद खाते का पन्ना क्या कहता है

accounts-welcome = स्वागत है! आपका खाता तैयार है।
accounts-welcome-bonus = स्वागत है! आपके बैलेंस में { $count } { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } जोड़ दिए गए हैं।
accounts-welcome-confirm = स्वागत है! { $email } पर भेजे गए लिंक से अपना ईमेल पक्का करें, और आपके { $count } मुफ़्त { $count ->
        [0] { $units }
        [one] { $unit }
       *[other] { $units }
    } जुड़ जाएँगे।
accounts-password-changed = आपका पासवर्ड बदल दिया गया है। बाकी डिवाइस साइन आउट कर दिए गए हैं।
accounts-token-created = आपका नया टोकन नीचे है। इसे अभी कॉपी कर लें: यह दोबारा नहीं दिखाया जाएगा।
accounts-token-revoked = टोकन रद्द कर दिया गया; इसका इस्तेमाल करने वाली स्क्रिप्ट अब से मना कर दी जाएँगी।
accounts-verification-sent = हमने { $email } पर पुष्टि का नया लिंक भेजा है।
accounts-delete-wrong-password = यह आपका पासवर्ड नहीं है; आपका खाता जैसा था वैसा ही है।
accounts-delete-jobs-in-progress = आपकी कुछ तस्वीरें अभी बन रही हैं: उनके पूरा होने का इंतज़ार करें, या उन्हें रद्द करें, फिर अपना खाता मिटाएँ।
accounts-delete-payment-pending = आपका एक भुगतान साइट के फ़ैसले का इंतज़ार कर रहा है: उसका फ़ैसला होने के बाद खाता मिटाएँ, ताकि उसके क्रेडिट बेकार न जाएँ।
accounts-delete-last-admin = आप इस साइट के अकेले एडमिन हैं: पहले किसी और को एडमिन बनाएँ, ताकि साइट बिना एडमिन के न रहे।
accounts-deleted-title = आपका खाता मिटा दिया गया है
accounts-deleted-message = { $site } से आपका साइन-इन, प्रॉम्प्ट और तस्वीरें मिट गए हैं। आपके पते पर एक ईमेल इसकी पुष्टि करता है; हम सिर्फ़ भुगतान और क्रेडिट का वह रिकॉर्ड रखते हैं जो क़ानून किसी कारोबार से रखवाता है, और उसमें ऐसा कुछ नहीं होता जिससे पता चले कि आप कौन हैं।
accounts-deleted-home = होम पेज पर वापस जाएँ

## डेटा एक्सपोर्ट (ZIP फ़ाइल) के अंदर

accounts-export-readme =
    { $site } पर आपका डेटा

    account.json   आपका खाता, बैलेंस, क्रेडिट इतिहास और भुगतान
    prompts.jsonl  आपकी माँगी हर तस्वीर: प्रॉम्प्ट, सेटिंग्स, स्थिति (हर पंक्ति में एक JSON ऑब्जेक्ट)
    images/        आपको मिली हर तस्वीर, दिन और जॉब के नाम से
accounts-export-missing = ये तस्वीरें स्टोरेज से पढ़ी नहीं जा सकीं, इसलिए ये इस आर्काइव में नहीं हैं:
