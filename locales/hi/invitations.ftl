# Sending an invited admin a new invitation link: from /platform/admins, a tenant's page
# in the platform console, and an account's profile in the site's own console; and the
# page an older, replaced link opens. $email is the invitee's address; $sent when the
# newest link went out.

invite-resend-button = नया न्योता भेजें
invite-resend-col-actions = कार्रवाई
invite-resend-col-sent = पिछला न्योता भेजा गया
invite-resend-expired = लिंक की मियाद ख़त्म
invite-resend-last = पिछला न्योता { $sent } को भेजा गया।
invite-resend-last-expired = पिछला न्योता { $sent } को भेजा गया; उसके लिंक की मियाद ख़त्म हो चुकी है।
invite-resend-card = अभी न्योते पर
invite-resend-card-lead = इन एडमिन ने अभी तक अपना पासवर्ड नहीं चुना है। नया न्योता पुराने लिंक की जगह ले लेता है, और पुराना लिंक काम करना बंद कर देता है।
invite-resend-profile-card = न्योता
invite-resend-profile-lead = इस खाते ने अभी तक अपना पासवर्ड नहीं चुना है। नया न्योता पुराने लिंक की जगह ले लेता है, और पुराना लिंक काम करना बंद कर देता है।
invite-resend-sent = { $email } को नया न्योता भेजा जा रहा है; पुराना लिंक अब काम नहीं करेगा।
invite-resend-sent-profile = नया न्योता भेजा जा रहा है; पुराना लिंक अब काम नहीं करेगा।
invite-resend-has-password = { $email } पहले ही अपना पासवर्ड चुन चुके हैं, इसलिए दोबारा भेजने को कुछ नहीं है। वे साइन इन कर सकते हैं, या साइन-इन पेज से अपना पासवर्ड रीसेट कर सकते हैं।
invite-resend-has-password-platform = { $email } पहले ही अपना पासवर्ड चुन चुके हैं, इसलिए दोबारा भेजने को कुछ नहीं है। अगर वे उसे भूल गए हैं, तो उन्हें हटाकर दोबारा न्योता भेजें।
invite-resend-too-soon = { $email } को अभी-अभी न्योता भेजा गया है। उनके इनबॉक्स को चैन से रहने दें: दूसरा भेजने से पहले { $seconds } सेकंड रुकें।

## The page an older link opens once a new invitation has replaced it.
invite-resend-replaced-title = इस न्योते की जगह नया आ गया है
invite-resend-replaced = इसके बाद आपको एक नया न्योता भेजा गया है। सबसे नए न्योते वाले ईमेल का लिंक खोलें।

## The audit log.
admin-audit-invitation-resend = नया न्योता भेजा
admin-audit-value-link-expired = लिंक की मियाद ख़त्म
admin-audit-value-link-valid = लिंक अभी चालू था
admin-audit-value-link-sent = नया लिंक भेजा गया
