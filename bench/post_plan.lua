-- wrk script: every request creates a plan through the JSON API.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"language": "en", "target_role": "mlops-engineer", "hours_per_week": 8, ' ..
           '"assessments": {"foundations.python": 3, "foundations.linux": 3}}'
