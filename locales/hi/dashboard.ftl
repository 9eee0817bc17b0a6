# /admin: टेनेंट एडमिन का डैशबोर्ड।

admin-dashboard-title = डैशबोर्ड · एडमिन · { $site }
admin-dashboard-eyebrow = एडमिन · { $site }
admin-dashboard-heading = डैशबोर्ड
admin-dashboard-lead = आपकी साइट का हाल: लोग, तस्वीरें, क्रेडिट और वह सब जो आपका इंतज़ार कर रहा है।
admin-dashboard-figures = आँकड़े
admin-dashboard-users = उपयोगकर्ता
admin-dashboard-signups-week = { $count ->
    [0] पिछले 7 दिनों में { $count } नए
    [one] पिछले 7 दिनों में { $count } नया
   *[other] पिछले 7 दिनों में { $count } नए
}
admin-dashboard-jobs-today = आज की तस्वीरें
admin-dashboard-jobs-week = पिछले 7 दिनों में { $count }
admin-dashboard-success = सफलता दर
admin-dashboard-percent = { $value }%
admin-dashboard-success-note = पिछले 7 दिनों में पूरी हुई तस्वीरों में से
admin-dashboard-median = औसत (मीडियन) बनने का समय
admin-dashboard-median-note = { $count ->
    [0] आख़िरी { $count } तस्वीरों का
    [one] अब तक बनी एक तस्वीर का
   *[other] आख़िरी { $count } तस्वीरों का
}
admin-dashboard-sold = बिके { $units }
admin-dashboard-spent = तस्वीरों पर { $count } { $count ->
    [0] { $units }
    [one] { $unit }
   *[other] { $units }
} ख़र्च; दोनों 30 दिनों के
admin-dashboard-pending = जाँचने बाकी भुगतान
admin-dashboard-pending-link = भुगतान डेस्क खोलें
admin-dashboard-queue = कतार में इंतज़ार
admin-dashboard-queue-note = वे तस्वीरें जिन्हें अभी किसी वर्कर ने नहीं उठाया
admin-dashboard-charts = पिछले 30 दिन ({ $first } से { $last })
admin-dashboard-chart-jobs = हर दिन माँगी गई तस्वीरें
admin-dashboard-chart-signups = हर दिन के साइन-अप
admin-dashboard-chart-sold = हर दिन बिके { $units }
admin-dashboard-chart-total = कुल { $total }, सबसे व्यस्त दिन { $peak }
admin-nav-dashboard = डैशबोर्ड
admin-dashboard-bar = { $day }: { $value }

render-time = { $unit ->
    [ms] { $value } मि.से.
   *[s] { $value } सेकंड
}
