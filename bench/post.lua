-- wrk: POSTs one body over several clients. In the environment: PATH_TEMPLATE (with %d for a
-- client id when IDS is set), BODY (JSON) and TOKEN (a bearer token); IDS optional.
--   PATH_TEMPLATE="/api/v1/applications" BODY='{"application": {...}}' TOKEN=cs_... wrk -s bench/post.lua URL
local template = os.getenv("PATH_TEMPLATE")
local body = os.getenv("BODY")
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "%d+") do ids[#ids + 1] = id end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
local n = 0

request = function()
  n = n + 1
  local path = #ids > 0 and string.format(template, ids[n % #ids + 1]) or template
  return wrk.format("POST", path, headers, body)
end
