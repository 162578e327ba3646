-- Minimal Neovim config that drives the ClaimLint language server with Neovim's built-in LSP client.
--
--   nvim --headless --clean -n -u test/neovim/claimlint.lua
--
-- Written for Neovim 0.7 (Debian 12) and later: it only uses vim.lsp.start_client / buf_attach_client /
-- buf_request_sync, vim.diagnostic.get, vim.wait, vim.json and nvim_create_autocmd.
--
-- Environment (all optional):
--   CLAIMLINT_SERVER      path to dist/server.js           (default: <repo>/dist/server.js)
--   CLAIMLINT_NODE        node executable                  (default: node)
--   CLAIMLINT_DRAFT       Markdown draft to open           (default: test/neovim/fixtures/draft.md)
--   CLAIMLINT_OUT         JSON file the observations go to (default: <draft>.neovim.json)
--   CLAIMLINT_TIMEOUT_MS  deadline for each wait           (default: 15000)
--
-- Opens the draft, waits (event wait with a deadline, not a sleep) until the server has published
-- diagnostics for it, hovers every flagged range, shuts the server down, writes what it observed as JSON
-- and quits with :qa! (:cquit on failure, with the error in the JSON).

local script_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local repo = vim.fn.fnamemodify(script_dir, ':h:h')

local function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then return default end
  return value
end

local server = env('CLAIMLINT_SERVER', repo .. '/dist/server.js')
local node = env('CLAIMLINT_NODE', 'node')
local draft = vim.fn.fnamemodify(env('CLAIMLINT_DRAFT', script_dir .. '/fixtures/draft.md'), ':p')
local out = env('CLAIMLINT_OUT', draft .. '.neovim.json')
local timeout = tonumber(env('CLAIMLINT_TIMEOUT_MS', '15000'))

local version = vim.version()
local observed = {
  nvim = string.format('%d.%d.%d', version.major, version.minor, version.patch),
  draft = draft,
  server = server,
  -- Server-to-client requests and notifications Neovim handled, in order.
  server_messages = {},
  log_messages = {},
  publish_count = 0,
}

local function note(method, detail)
  table.insert(observed.server_messages, detail and (method .. ' ' .. detail) or method)
end

-- Wraps Neovim's default handler for `method` so the JSON records that the server used it.
local function recorded(method, describe)
  local default = vim.lsp.handlers[method]
  return function(err, result, ctx, config)
    note(method, describe and describe(result) or nil)
    if default then return default(err, result, ctx, config) end
    return vim.NIL
  end
end

local published = {}
local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    observed.publish_count = observed.publish_count + 1
    published[result.uri] = (published[result.uri] or 0) + 1
    note('textDocument/publishDiagnostics', result.uri .. ' (' .. #result.diagnostics .. ')')
    return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
  end,
  ['workspace/configuration'] = recorded('workspace/configuration', function(result)
    local sections = {}
    for _, item in ipairs(result.items or {}) do table.insert(sections, tostring(item.section)) end
    return table.concat(sections, ',')
  end),
  -- Neovim 0.7's default answers null (and logs a harmless warning); the server only registers
  -- workspace/didChangeConfiguration, which Neovim sends on its own when settings change.
  ['client/registerCapability'] = recorded('client/registerCapability', function(result)
    local methods = {}
    for _, r in ipairs(result.registrations or {}) do table.insert(methods, r.method) end
    return table.concat(methods, ',')
  end),
  ['window/workDoneProgress/create'] = recorded('window/workDoneProgress/create'),
  ['window/logMessage'] = function(_, result)
    table.insert(observed.log_messages, result.message)
  end,
  ['window/showMessage'] = function(_, result)
    table.insert(observed.log_messages, result.message)
  end,
}

-- Neovim 0.7 answers workspace/configuration from `settings` but does not advertise it; Neovim 0.8+
-- does. Advertise it so the server asks for `claimlint` settings, as it does with newer Neovim.
local capabilities = vim.lsp.protocol.make_client_capabilities()
capabilities.workspace = capabilities.workspace or {}
capabilities.workspace.configuration = true

local client_id
local server_exit

local function ensure_client(root)
  if client_id then return client_id end
  client_id = vim.lsp.start_client({
    name = 'claimlint',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    -- An empty object (not an empty Lua table, which could encode as []): defaults apply.
    settings = { claimlint = vim.empty_dict() },
    capabilities = capabilities,
    handlers = handlers,
    on_exit = function(code, signal)
      server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then error('vim.lsp.start_client failed for: ' .. node .. ' ' .. server .. ' --stdio') end
  return client_id
end

vim.cmd('filetype on')
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
    vim.lsp.buf_attach_client(args.buf, ensure_client(root))
  end,
})

local function markdown_of(contents)
  if type(contents) == 'string' then return contents end
  if type(contents) ~= 'table' then return nil end
  if contents.value then return contents.value end -- MarkupContent or { language, value }
  local parts = {}
  for _, part in ipairs(contents) do table.insert(parts, markdown_of(part) or '') end
  return table.concat(parts, '\n')
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  observed.filetype = vim.bo[bufnr].filetype
  if observed.filetype ~= 'markdown' then error('draft opened with filetype "' .. observed.filetype .. '", not markdown') end
  local uri = vim.uri_from_bufnr(bufnr)
  observed.uri = uri

  if not vim.wait(timeout, function() return (published[uri] or 0) > 0 end, 10) then
    error(string.format('no textDocument/publishDiagnostics for %s within %d ms', uri, timeout))
  end
  local client = vim.lsp.get_client_by_id(client_id)
  observed.server_info = client and client.server_info or nil
  observed.offset_encoding = client and client.offset_encoding or nil

  local diagnostics = vim.diagnostic.get(bufnr)
  table.sort(diagnostics, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  observed.diagnostics = {}
  observed.hovers = {}
  for _, d in ipairs(diagnostics) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    local text = vim.api.nvim_buf_get_text(bufnr, d.lnum, d.col, d.end_lnum, d.end_col, {})
    table.insert(observed.diagnostics, {
      code = code,
      source = d.source,
      severity = vim.diagnostic.severity[d.severity],
      message = d.message,
      -- 0-based, as Neovim stores them (byte columns; the fixture is ASCII so they equal LSP characters).
      range = {
        start = { line = d.lnum, character = d.col },
        ['end'] = { line = d.end_lnum, character = d.end_col },
      },
      text = table.concat(text, '\n'),
    })

    -- Hover inside the flagged word, the way K would: cursor there, position params from the window.
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, math.min(d.col + 1, math.max(d.end_col - 1, d.col)) })
    local params = vim.lsp.util.make_position_params()
    local responses, reason = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
    if not responses then error('textDocument/hover failed: ' .. tostring(reason)) end
    local response = responses[client_id]
    if response and response.err then error('textDocument/hover error: ' .. vim.inspect(response.err)) end
    local result = response and response.result
    table.insert(observed.hovers, {
      position = params.position,
      code = code,
      kind = type(result) == 'table' and type(result.contents) == 'table' and result.contents.kind or nil,
      markdown = type(result) == 'table' and markdown_of(result.contents) or nil,
    })
  end

  -- Clean shutdown (shutdown request, then exit notification), and record how the server exited.
  vim.lsp.stop_client(client_id)
  if vim.wait(timeout, function() return server_exit ~= nil end, 10) then
    observed.server_exit = server_exit
  else
    observed.server_exit = 'server still running ' .. timeout .. ' ms after shutdown'
  end
end

local function finish(ok, err)
  if not ok then observed.error = tostring(err) end
  local written, write_err = pcall(vim.fn.writefile, { vim.json.encode(observed) }, out)
  if not written then io.stderr:write('claimlint.lua: cannot write ' .. out .. ': ' .. tostring(write_err) .. '\n') end
  if not ok then io.stderr:write('claimlint.lua: ' .. tostring(err) .. '\n') end
  vim.cmd(ok and 'qa!' or 'cquit')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      finish(xpcall(main, debug.traceback))
    end)
  end,
})
