# /admin/languages: साइट किन भाषाओं में चलती है।

admin-languages-title = भाषाएँ · एडमिन · { $site }
admin-languages-eyebrow = एडमिन · { $site }
admin-languages-heading = भाषाएँ
admin-languages-lead = चुनिए कि आपकी साइट किन भाषाओं में चले। आगंतुकों को वही भाषा मिलती है जो उनका ब्राउज़र माँगता है, अगर आप उसे देते हैं, और हर पन्ने के नीचे कोई भी भाषा बदल सकता है।
admin-languages-saved = सहेज लिया गया। अब हर पन्ना और ईमेल इन्हीं भाषाओं के हिसाब से चलेगा।
admin-languages-card = साइट की भाषाएँ
admin-languages-offered = उपलब्ध भाषाएँ
admin-languages-offered-hint = पढ़ने वाले इनमें से कोई भी भाषा चुन सकते हैं।
admin-languages-default = मुख्य भाषा
admin-languages-default-hint = उन आगंतुकों के लिए जिनका ब्राउज़र आपकी दी हुई कोई भाषा नहीं माँगता, और उन लोगों को भेजे जाने वाले ईमेल के लिए जिन्होंने कभी कोई भाषा नहीं चुनी।
admin-languages-save = भाषाएँ सहेजें
admin-languages-choose-default = कोई मुख्य भाषा चुनें।
admin-languages-default-not-offered = { $language } मुख्य भाषा है, इसलिए उसे “उपलब्ध भाषाएँ” में भी चुनें।
admin-nav-languages = भाषाएँ
admin-audit-tenant-languages = साइट की भाषाएँ बदलीं
