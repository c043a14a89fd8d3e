-- wrk: spreads requests over several clients. Set PATH_TEMPLATE, IDS and TOKEN (a bearer token)
-- in the environment:
--   PATH_TEMPLATE="/predict?numeroClient=%d" IDS="100002,100003" TOKEN=cs_... wrk -s bench/predict.lua URL
local template = os.getenv("PATH_TEMPLATE")
local ids = {}
for id in string.gmatch(os.getenv("IDS"), "%d+") do ids[#ids + 1] = id end
local next = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

request = function()
  next = next % #ids + 1
  return wrk.format("GET", string.format(template, ids[next]))
end
