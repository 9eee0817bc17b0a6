# ईमेल के विषय और संदेश। $site साइट का नाम है।

mail-verify-subject = { $site } के लिए अपना ईमेल पक्का करें
mail-reset-subject = अपना { $site } पासवर्ड बदलें
mail-account-deleted-subject = आपका { $site } खाता मिटा दिया गया है
mail-payment-approved-subject = आपके { $site } बैलेंस में { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
} जोड़े गए
mail-payment-rejected-subject = आपका { $site } भुगतान पक्का नहीं हो सका
