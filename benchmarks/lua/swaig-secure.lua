-- transfer_funds with a valid token for call "load-secure", schema-valid and confirmed arguments; callers
-- come from a pool of 900,000 numbers, which keeps each under the 3/min limit at this rate.
dofile("benchmarks/lua/common.lua")
function request()
  local counter = next_number()
  local body = string.format('{"app_name":"swml app","function":"transfer_funds","argument":{"parsed":[{"amount":25.5,"to_account":"1234567890","confirmed":true}],"raw":"","substituted":""},"call_id":"load-secure","ai_session_id":"a1","caller_id_name":"Load","caller_id_num":"+1%010d","content_type":"text/swaig","version":"2.0","global_data":{},"meta_data":{}}', counter % 900000)
  return post("/swaig?__token=" .. os.getenv("TOKEN"), body)
end
