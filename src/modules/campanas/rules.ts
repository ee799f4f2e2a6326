// Who sees the campaigns (V-CANA-MP-02 C.4.2): the contact centre that runs them and the offices above it
// (the Responsable de Canales and the DVD). Step roles come from the workflow declaration.
import { readableByUnit } from '../../lib/auth/scope.js';

export const readableCampanas = readableByUnit;
export const readableEncuestas = readableByUnit;
