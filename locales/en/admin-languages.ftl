# /admin/languages: the languages a site speaks.

admin-languages-title = Languages · Admin · { $site }
admin-languages-eyebrow = Admin · { $site }
admin-languages-heading = Languages
admin-languages-lead = Choose the languages your site speaks. Visitors get the one their browser asks for when you offer it, and anyone can switch at the foot of every page.
admin-languages-saved = Saved. Every page and mail now follows these languages.
admin-languages-card = Site languages
admin-languages-offered = Offered languages
admin-languages-offered-hint = Readers may choose any of these.
admin-languages-default = Default language
admin-languages-default-hint = For visitors whose browser asks for none you offer, and for mail to people who never chose one.
admin-languages-save = Save languages
admin-languages-choose-default = Choose a default language.
admin-languages-default-not-offered = { $language } is the default, so tick it under “Offered languages” too.
admin-nav-languages = Languages
admin-audit-tenant-languages = Changed the site’s languages
