import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/**
 * No import loops in src/: neither between files nor between folders (src/<folder> is one node, a file at
 * the root of src/ its own). Every import counts: `import type`, `export … from` and `import()` too, since a
 * type-only loop still ties two modules together.
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src')

function sourceFiles (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** src-relative path with forward slashes: `catalog/check.ts`. */
const name = (path: string): string => relative(SRC, path).split(sep).join('/')

/** The src files a file imports, by src-relative name (package imports are not ours to check). */
function importsOf (path: string, known: ReadonlySet<string>): string[] {
  const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true)
  const out: string[] = []
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue
    const target = name(resolve(dirname(path), fileName.replace(/\.js$/, '.ts')))
    const candidates = [target, target.endsWith('.ts') ? target : `${target}.ts`, `${target}/index.ts`]
    const hit = candidates.find((candidate) => known.has(candidate))
    if (hit === undefined) throw new Error(`${name(path)}: cannot resolve ${fileName}`)
    out.push(hit)
  }
  return out
}

type Graph = Map<string, Set<string>>

/** The folder node of a file: `catalog/check.ts` → `catalog/`, `index.ts` → `index.ts`. */
const folderOf = (file: string): string => file.includes('/') ? `${file.slice(0, file.indexOf('/'))}/` : file

/** Strongly connected components with more than one node (Tarjan); each holds at least one loop. */
function loopsOf (graph: Graph): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const visit = (node: string): void => {
    index.set(node, counter); low.set(node, counter); counter++
    stack.push(node); onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do { member = stack.pop()!; onStack.delete(member); component.push(member) } while (member !== node)
      if (component.length > 1) components.push(component.sort())
    }
  }
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node)
  return components
}

/** One shortest loop through `start` inside its component (breadth-first), written `a → b → a`. */
function loopThrough (graph: Graph, start: string, inside: ReadonlySet<string>): string[] {
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()!
    for (const next of graph.get(node) ?? []) {
      if (!inside.has(next)) continue
      if (next === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(previous.get(path[0])!)
        return [...path, start]
      }
      if (!previous.has(next)) { previous.set(next, node); queue.push(next) }
    }
  }
  return [start]
}

function describe (graph: Graph, why: (from: string, to: string) => string[]): string[] {
  return loopsOf(graph).map((component) => {
    const inside = new Set(component)
    // One loop per member, without repeats, so that every edge that must go is visible.
    const loops = new Set(component.map((member) => {
      const loop = loopThrough(graph, member, inside).slice(0, -1)
      const first = loop.indexOf([...loop].sort()[0])
      const rotated = [...loop.slice(first), ...loop.slice(0, first)]
      return [...rotated, rotated[0]].join(' → ')
    }))
    const lines = [...loops].map((loop) => {
      const steps = loop.split(' → ')
      const edges = steps.slice(1).map((to, i) => `      ${steps[i]} → ${to}: ${why(steps[i], to).join(', ')}`)
      return [`  ${loop}`, ...edges.filter((line) => !line.endsWith(': '))].join('\n')
    })
    return `loop among ${component.join(', ')}:\n${lines.join('\n')}`
  })
}

const files = sourceFiles(SRC).map(name).sort()
const known = new Set(files)
const fileGraph: Graph = new Map(files.map((file) => [file, new Set(importsOf(join(SRC, file), known))]))

const folderGraph: Graph = new Map()
const folderEdges = new Map<string, string[]>()
for (const [from, targets] of fileGraph) {
  const source = folderOf(from)
  if (!folderGraph.has(source)) folderGraph.set(source, new Set())
  for (const to of targets) {
    const target = folderOf(to)
    if (target === source) continue
    folderGraph.get(source)!.add(target)
    const key = `${source} ${target}`
    folderEdges.set(key, [...(folderEdges.get(key) ?? []), `${from} imports ${to}`])
  }
}

t.test('the import graph of src/ was read', async (t) => {
  t.ok(files.length > 50, `${files.length} files`)
  t.ok(fileGraph.get('index.ts')!.size > 10, 'src/index.ts imports many files')
  t.ok(folderGraph.get('plugin/')!.has('catalog/'), 'plugin/ imports catalog/')
})

t.test('no file imports itself through other files', async (t) => {
  const loops = describe(fileGraph, () => [])
  t.same(loops, [], `file loops in src/:\n${loops.join('\n')}`)
})

t.test('no folder of src/ imports itself through other folders', async (t) => {
  const loops = describe(folderGraph, (from, to) => folderEdges.get(`${from} ${to}`) ?? [])
  t.same(loops, [], `folder loops in src/:\n${loops.join('\n')}`)
})

t.test('the loop finder finds loops', async (t) => {
  const graph: Graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]])
  t.same(loopsOf(graph), [['a', 'b', 'c']])
  t.same(describe(graph, () => []), ['loop among a, b, c:\n  a → b → c → a'])
  t.same(loopsOf(new Map([['a', new Set(['b'])], ['b', new Set<string>()]])), [])
})
