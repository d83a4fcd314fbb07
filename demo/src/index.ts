/**
 * @whistle/demo: the demo world (Qinhuai's places, the phrases streets and departments write, the
 * seeded random draws, the demo accounts). The seed is not exported here: it loads the server, so
 * it is run as `demo/dist/seed/seed.js` and imported by path where needed.
 */
export * from './world';
