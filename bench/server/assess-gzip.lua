-- wrk script: POST /api/v1/assess as a browser or an HTTP library sends it (Accept-Encoding:
-- gzip); the same body each time, so answered from the response cache's compressed copy.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
wrk.body = '{"name": "Electric kettle 1.7 l", "category": "kettle", "attributes": {"voltage_ac": "230 V"}}'
