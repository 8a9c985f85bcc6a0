-- transfer_funds with a valid token for call "load-secure", schema-valid and confirmed arguments; callers
-- come from a pool of 900,000 numbers, which keeps each under the 3/min limit at this rate.
local counter = 0
local thread_id = 0
function setup(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
function init(args) counter = tid * 100000000 end
function request()
  counter = counter + 1
  local body = string.format('{"app_name":"swml app","function":"transfer_funds","argument":{"parsed":[{"amount":25.5,"to_account":"1234567890","confirmed":true}],"raw":"","substituted":""},"call_id":"load-secure","ai_session_id":"a1","caller_id_name":"Load","caller_id_num":"+1%010d","content_type":"text/swaig","version":"2.0","global_data":{},"meta_data":{}}', counter % 900000)
  return wrk.format("POST", "/swaig?__token=" .. os.getenv("TOKEN"), {["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. os.getenv("AUTH")}, body)
end
