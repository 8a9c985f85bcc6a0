-- SWML fetch as the platform posts it; every request is a different call from a different number.
dofile("benchmarks/lua/common.lua")
function request()
  local counter = next_number()
  local body = string.format('{"call":{"call_id":"load-%d","node_id":"n1","segment_id":"s1","call_session_id":"cs1","tag":"t1","state":"created","direction":"inbound","type":"phone","from":"+1%010d","to":"+15551112222","headers":{},"project_id":"p1","space_id":"sp1"},"vars":{"userVariables":{}},"envs":{}}', counter, counter)
  return post("/", body)
end
