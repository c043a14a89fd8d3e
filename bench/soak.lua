-- wrk: the soak benchmark's mixed traffic over several clients. In the environment: IDS (client
-- ids, comma-separated), APPLICATION (a JSON body for POST /api/v1/applications) and TOKEN (an
-- advisor's bearer token).
-- Of every 100 requests: 40 /predict, 40 client pages, 19 what-ifs, 1 posted application.
local ids = {}
for id in string.gmatch(os.getenv("IDS"), "%d+") do ids[#ids + 1] = id end
local application = os.getenv("APPLICATION")
local authorization = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Authorization"] = authorization
local json = { ["Content-Type"] = "application/json", ["Authorization"] = authorization }
local n = 0

request = function()
  n = n + 1
  local id = ids[n % #ids + 1]
  local kind = n % 100
  if kind < 40 then
    return wrk.format("GET", "/predict?numeroClient=" .. id)
  elseif kind < 80 then
    return wrk.format("GET", "/api/v1/clients/" .. id)
  elseif kind < 99 then
    local body = string.format('{"changes": {"AMT_CREDIT": %d}}', 100000 + (n % 50) * 10000)
    return wrk.format("POST", "/api/v1/clients/" .. id .. "/what-if", json, body)
  end
  return wrk.format("POST", "/api/v1/applications", json, application)
end
