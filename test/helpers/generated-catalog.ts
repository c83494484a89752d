/**
 * A large generated catalog as YAML text, for the scale bench and the hostile-input tests: `count` codes, most
 * of them one line, every twentieth in block style with a category, a placeholder, a suggestion and a detail
 * (about 7 MB for 100,000 codes).
 */
export function generatedCatalogYaml (count: number): string {
  const lines = ['version: 1', 'categories:', '  generated: 생성된 오류', 'errors:']
  for (let i = 0; i < count; i++) {
    const code = `GEN_${String(i).padStart(6, '0')}`
    const status = 400 + (i % 30)
    if (i % 20 === 0) {
      lines.push(`  ${code}:`, `    status: ${status}`, '    message: 항목 {itemId}을(를) 처리할 수 없습니다.', '    category: generated',
        '    suggestions: [항목 번호를 확인하세요.]', '    details:', '      itemId: { type: integer, example: 7 }')
    } else {
      lines.push(`  ${code}: { status: ${status}, message: 오류 ${i}입니다. }`)
    }
  }
  return lines.join('\n') + '\n'
}
