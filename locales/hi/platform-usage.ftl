# /platform/usage: हर टेनेंट के लोग, तस्वीरें और बिक्री। $platform प्लेटफ़ॉर्म का नाम है।

platform-nav-usage = उपयोग और आमदनी
platform-usage-title = उपयोग और आमदनी · { $platform }
platform-usage-description = { $platform } का हर टेनेंट क्या बनाता और बेचता है।
platform-usage-heading = उपयोग और आमदनी
platform-usage-lead = हर टेनेंट के लोग, पिछले { $days } दिनों में माँगी गई तस्वीरें, और बिके क्रेडिट व उनके लिए चुकाई गई रकम, इन दिनों में और अब तक कुल।
platform-usage-caption = { $platform } के हर टेनेंट का उपयोग और आमदनी
platform-usage-col-tenant = टेनेंट
platform-usage-col-users = लोग
platform-usage-col-images = तस्वीरें, पिछले { $days } दिन
platform-usage-col-sold = बिक्री, पिछले { $days } दिन
platform-usage-col-sold-all = बिक्री, अब तक कुल
platform-usage-succeeded = { $count } बनीं
platform-usage-failed = { $count } विफल
platform-usage-credits = { $count } क्रेडिट
platform-usage-total = सभी टेनेंट
platform-usage-note = दिन भारत के कैलेंडर के हैं, आज समेत। बिक्री में स्वीकृत भुगतान उनके किए जाने के दिन से गिने जाते हैं; रकम वही है जो खरीदारों ने चुकाई।
platform-usage-empty-title = अभी कोई टेनेंट नहीं
platform-usage-empty = टेनेंट बनते ही उसके आँकड़े यहाँ दिखेंगे।
