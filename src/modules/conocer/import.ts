// Loads CONOCER's report (informe-2018-2024.ts) into CifraConocer and
// IndicadorConocerReportado: the rows of that source are replaced as a whole,
// in one transaction, so importing again never duplicates (docs/conocer.md).
import type { Db } from '../../lib/db/client.js';
import { CIFRAS, DEFINICIONES, FUENTE, INDICADORES, type Cifra } from './informe-2018-2024.js';

/** The natural key of a figure: what it counts, over which period, which part, and whether it is a goal or an estimate. */
export function claveDe(c: Cifra): string {
  const periodo =
    c.periodo === 'AL_CORTE'
      ? c.fechaCorte
      : c.periodo === 'PERIODO'
        ? `${c.anioDesde}-${c.anio}${c.trimestre ? `T${c.trimestre}` : ''}`
        : `${c.anio}${c.trimestre ? `T${c.trimestre}` : ''}`;
  return [c.concepto, c.periodo, periodo, c.desglose ?? '', c.miembro ?? '', c.meta ? 'META' : '', c.estimado ? 'ESTIMADO' : ''].join(':');
}

export async function importarInformeConocer(db: Db): Promise<{ cifras: number; indicadores: number }> {
  const cifras = CIFRAS.map((c) => ({
    clave: claveDe(c),
    concepto: c.concepto,
    naturaleza: c.naturaleza,
    periodo: c.periodo,
    anio: c.anio,
    anioDesde: c.anioDesde ?? null,
    trimestre: c.trimestre ?? null,
    fechaCorte: c.fechaCorte ? new Date(`${c.fechaCorte}T00:00:00Z`) : null,
    desglose: c.desglose ?? '',
    miembro: c.miembro ?? '',
    valor: c.valor,
    meta: c.meta ?? false,
    estimado: c.estimado ?? false,
    fuente: FUENTE,
    fuenteLinea: c.linea,
    fuenteTexto: c.texto,
    nota: c.nota ?? null,
  }));
  const indicadores = INDICADORES.map((i) => ({
    indicador: i.indicador,
    formula: DEFINICIONES[i.indicador].formula,
    concepto: DEFINICIONES[i.indicador].concepto,
    anio: i.anio,
    anioDesde: i.anioDesde ?? null,
    valorReportado: i.valor,
    fuente: FUENTE,
    fuenteLinea: i.linea,
    fuenteTexto: i.texto,
  }));
  await db.$transaction([
    db.cifraConocer.deleteMany({ where: { fuente: FUENTE } }),
    db.cifraConocer.createMany({ data: cifras }),
    db.indicadorConocerReportado.deleteMany({ where: { fuente: FUENTE } }),
    db.indicadorConocerReportado.createMany({ data: indicadores }),
  ]);
  return { cifras: cifras.length, indicadores: indicadores.length };
}
