# JSON API (/api/v1) के त्रुटि संदेश, टोकन वाले खाते की भाषा में।

api-unauthorized = निजी API टोकन `Authorization: Bearer <token>` के रूप में भेजें; टोकन अपने खाते के पन्ने पर बनाएँ।
api-forbidden = यह टोकन यह काम नहीं कर सकता।
api-not-found = यहाँ कुछ नहीं है।
api-bad-request = हम यह अनुरोध पढ़ नहीं पाए।
api-method-not-allowed = यह पता यह मेथड नहीं लेता; Allow हेडर में वे मेथड दिए हैं जो यह लेता है।
api-payload-too-large = अनुरोध की बॉडी हमारी सीमा से बड़ी है।
api-unsupported-media-type = बॉडी JSON में भेजें, `Content-Type: application/json` के साथ।
api-too-many-requests = बहुत ज़्यादा अनुरोध आए; थोड़ा रुककर फिर कोशिश करें।
api-unavailable = हम समय पर जवाब नहीं दे पाए; थोड़ी देर में फिर कोशिश करें।
api-not-accepted = हम यह अनुरोध स्वीकार नहीं कर पाए।
api-internal = हमारी तरफ़ कुछ गड़बड़ हो गई; फिर कोशिश करें।
api-too-many-requests-wait = बहुत ज़्यादा अनुरोध आए; { $seconds } सेकंड बाद फिर कोशिश करें।
api-too-many-mails = बहुत ज़्यादा ईमेल माँगे गए; { $seconds } सेकंड बाद फिर कोशिश करें।
api-busy = इस समय बहुत से लोग साइन इन कर रहे हैं; कुछ सेकंड बाद फिर कोशिश करें।
api-conflict-field = यह { $field } पहले से लिया जा चुका है; कोई और चुनें।
api-conflict = इस मान वाली चीज़ पहले से मौजूद है; कोई और चुनें।
api-invalid-value = कोई मान यहाँ की सीमा से बाहर है; उसे जाँचकर फिर कोशिश करें।
api-unknown-reference = यह किसी ऐसी चीज़ की ओर इशारा करता है जो मौजूद नहीं है (या अब नहीं है)।
api-invalid-json = बॉडी जॉब का अनुरोध नहीं है: { $detail }
api-insufficient-credits = { $units } कम हैं: { $available } उपलब्ध हैं। साइट के “खरीदें” पन्ने पर और खरीदें।
api-too-many-active = एक साथ ज़्यादा से ज़्यादा { $cap } जॉब कतार में या चालू रह सकते हैं; किसी एक के पूरा होने तक रुकें।
api-invalid-query = ?limit=<1 से 100>&cursor=<पिछले पन्ने का next_cursor> इस्तेमाल करें।
api-invalid-limit = limit 1 से 100 के बीच होना चाहिए।
api-invalid-cursor = पिछले पन्ने का next_cursor इस्तेमाल करें।
