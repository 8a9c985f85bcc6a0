-- get_balance as the platform posts it; callers come from a pool of 300,000 numbers, so at this rate each
-- caller stays under the 10/min limit and per-caller limits are not what is measured.
dofile("benchmarks/lua/common.lua")
function request()
  local counter = next_number()
  local body = string.format('{"app_name":"swml app","function":"get_balance","argument":{"parsed":[{"account_type":"savings"}],"raw":"{\\"account_type\\":\\"savings\\"}","substituted":""},"call_id":"load-%d","ai_session_id":"a1","caller_id_name":"Load","caller_id_num":"+1%010d","content_type":"text/swaig","version":"2.0","global_data":{},"meta_data":{}}', counter, counter % 300000)
  return post("/swaig", body)
end
