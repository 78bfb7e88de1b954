-- wrk script: POST /api/v1/assess with a product document (a mains kettle).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name": "Electric kettle 1.7 l", "category": "kettle", "attributes": {"voltage_ac": "230 V"}}'
