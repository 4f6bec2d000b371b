-- wrk script for GET /users/:id: each request asks for a random existing user, read from the
-- file the seeding step wrote (BENCH_IDS_FILE, one id a line), so the server does not answer
-- from the same row and the same cache lines every time.
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_number", thread_count)
end

local ids = {}

function init(args)
  for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
    ids[#ids + 1] = line
  end
  if #ids == 0 then
    error("no ids in " .. os.getenv("BENCH_IDS_FILE"))
  end
  -- A different sequence per thread.
  math.randomseed(os.time() * 1000 + (thread_number or 0))
end

function request()
  return wrk.format("GET", "/users/" .. ids[math.random(#ids)])
end
