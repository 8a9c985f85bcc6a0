-- Shared by the load scenarios: each wrk thread numbers its requests from its own range (offset by $COUNTER_BASE, so
-- that successive runs can use different callers), and every request is a POST with Basic Auth (credentials from
-- $AUTH), below the agent's route ($ROUTE, default none).
local thread_id = 0
function setup(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
function init(args) counter = tid * 100000000 + (tonumber(os.getenv("COUNTER_BASE")) or 0) end
function next_number() counter = counter + 1; return counter end
local route = os.getenv("ROUTE") or ""
function post(path, body)
  return wrk.format("POST", route .. path, {["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. os.getenv("AUTH")}, body)
end
