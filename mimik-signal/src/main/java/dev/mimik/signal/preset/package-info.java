/** Complete processing chains published with datasets (EIFER's sEMG chain). */
package dev.mimik.signal.preset;
