-- SWML fetch as the platform posts it; every request is a different call from a different number.
local counter = 0
local thread_id = 0
function setup(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
function init(args) counter = tid * 100000000 end
function request()
  counter = counter + 1
  local body = string.format('{"call":{"call_id":"load-%d","node_id":"n1","segment_id":"s1","call_session_id":"cs1","tag":"t1","state":"created","direction":"inbound","type":"phone","from":"+1%010d","to":"+15551112222","headers":{},"project_id":"p1","space_id":"sp1"},"vars":{"userVariables":{}},"envs":{}}', counter, counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. os.getenv("AUTH")}, body)
end
