-- Submits a 64×64 demo image through the API, as a person's script does; the bearer token
-- comes from wrk's -H:
--   wrk -t2 -c50 -d10s -H 'Authorization: Bearer atl_…' -s submit_job.lua http://…/api/v1/jobs
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"prompt": "a harbour at night, load benchmark", "model": "demo-abstract", "width": 64, "height": 64}'
