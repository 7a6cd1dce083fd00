-- wrk script for bench/run: OP (env) picks the operation; users.tsv (USERS env) gives each request a bench
-- user's token, assessment and session report. Prints one JSON line with throughput, latency and errors.
local op = os.getenv("OP")
local users = {}
local counter = 0

local function split(line)
  local token, assessment, session = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
  return { token = token, assessment = assessment, session = session }
end

for line in io.lines(os.getenv("USERS")) do
  users[#users + 1] = split(line)
end

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  counter = id * 7919
end

local function uuid()
  local r = math.random
  return string.format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x",
    r(0, 65535), r(0, 65535), r(0, 65535), r(0, 4095), r(32768, 49151), r(0, 65535), r(0, 65535), r(0, 65535))
end

function request()
  counter = counter + 1
  local user = users[(counter % #users) + 1]
  local headers = { ["Authorization"] = "Bearer " .. user.token, ["Content-Type"] = "application/json" }
  if op == "stretches" then
    return wrk.format("GET", "/api/v1/stretches?condition=herniated-disc", headers)
  elseif op == "template" then
    return wrk.format("GET", "/api/v1/routine-templates/herniated-disc-starter", headers)
  elseif op == "assessment" then
    return wrk.format("POST", "/api/v1/assessments", headers, ASSESSMENT)
  elseif op == "routine" then
    return wrk.format("POST", "/api/v1/routines", headers, '{"assessmentId":"' .. user.assessment .. '","minutesPerDay":15}')
  elseif op == "session" then
    return wrk.format("PUT", "/api/v1/sessions/" .. uuid(), headers, user.session)
  elseif op == "progress" then
    return wrk.format("GET", "/api/v1/me/progress", headers)
  end
  error("unknown OP " .. tostring(op))
end

local file = io.open(os.getenv("ANSWERS") or "/dev/null")
ASSESSMENT = file and file:read("*a") or ""
if file then file:close() end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format('{"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
