/** Realistic reference data for the synthetic dataset: caisses, names, communes, a software catalogue. */
import type { Profession } from '../common/enums';

export interface CaisseSeed {
  code: string;
  name: string;
  departement: string;
  /** Relative number of liberal professionals (the département's population in tens of thousands). */
  weight: number;
  communes: [string, string][]; // [commune, postal code]
}

/**
 * The 102 CPAM, 4 CGSS and the CSS of Mayotte (public-facts §6): code (département then an index),
 * name, département, weight, communes with their postal codes. Several CPAM share the Nord, the
 * Pas-de-Calais, the Pyrénées-Atlantiques and the Seine-Maritime.
 */
const CAISSE_TABLE = `
011|CPAM de l'Ain|01|66|Bourg-en-Bresse:01000,Oyonnax:01100
021|CPAM de l'Aisne|02|53|Laon:02000,Saint-Quentin:02100
031|CPAM de l'Allier|03|33|Moulins:03000,Montluçon:03100
041|CPAM des Alpes-de-Haute-Provence|04|17|Digne-les-Bains:04000,Manosque:04100
051|CPAM des Hautes-Alpes|05|14|Gap:05000,Briançon:05100
061|CPAM des Alpes-Maritimes|06|109|Nice:06000,Cannes:06400,Antibes:06600
071|CPAM de l'Ardèche|07|33|Privas:07000,Annonay:07100
081|CPAM des Ardennes|08|27|Charleville-Mézières:08000,Sedan:08200
091|CPAM de l'Ariège|09|15|Foix:09000,Pamiers:09100
101|CPAM de l'Aube|10|31|Troyes:10000,Romilly-sur-Seine:10100
111|CPAM de l'Aude|11|38|Carcassonne:11000,Narbonne:11100
121|CPAM de l'Aveyron|12|28|Rodez:12000,Millau:12100
131|CPAM des Bouches-du-Rhône|13|205|Marseille:13005,Aix-en-Provence:13100,Arles:13200,Marseille:13013
141|CPAM du Calvados|14|70|Caen:14000,Lisieux:14100
151|CPAM du Cantal|15|14|Aurillac:15000,Saint-Flour:15100
161|CPAM de la Charente|16|35|Angoulême:16000,Cognac:16100
171|CPAM de la Charente-Maritime|17|66|La Rochelle:17000,Saintes:17100
181|CPAM du Cher|18|30|Bourges:18000,Vierzon:18100
191|CPAM de la Corrèze|19|24|Tulle:19000,Brive-la-Gaillarde:19100
2A1|CPAM de la Corse-du-Sud|2A|16|Ajaccio:20000,Porto-Vecchio:20137
2B1|CPAM de la Haute-Corse|2B|18|Bastia:20200,Corte:20250
211|CPAM de la Côte-d'Or|21|54|Dijon:21000,Beaune:21200,Chenôve:21300,Montbard:21500,Auxonne:21130,Talant:21240
221|CPAM des Côtes-d'Armor|22|60|Saint-Brieuc:22000,Lannion:22300
231|CPAM de la Creuse|23|12|Guéret:23000,Aubusson:23200
241|CPAM de la Dordogne|24|41|Périgueux:24000,Bergerac:24100
251|CPAM du Doubs|25|54|Besançon:25000,Montbéliard:25200
261|CPAM de la Drôme|26|52|Valence:26000,Montélimar:26200
271|CPAM de l'Eure|27|60|Évreux:27000,Vernon:27200
281|CPAM d'Eure-et-Loir|28|43|Chartres:28000,Dreux:28100
291|CPAM du Finistère|29|92|Quimper:29000,Brest:29200
301|CPAM du Gard|30|75|Nîmes:30000,Alès:30100
311|CPAM de la Haute-Garonne|31|142|Toulouse:31000,Muret:31600,Toulouse:31400
321|CPAM du Gers|32|19|Auch:32000,Condom:32100
331|CPAM de la Gironde|33|164|Bordeaux:33000,Mérignac:33700,Pessac:33600
341|CPAM de l'Hérault|34|118|Montpellier:34000,Béziers:34500
351|CPAM d'Ille-et-Vilaine|35|109|Rennes:35000,Saint-Malo:35400
361|CPAM de l'Indre|36|22|Châteauroux:36000,Issoudun:36100
371|CPAM d'Indre-et-Loire|37|61|Tours:37000,Amboise:37400
381|CPAM de l'Isère|38|128|Grenoble:38000,Vienne:38200
391|CPAM du Jura|39|26|Lons-le-Saunier:39000,Dole:39100
401|CPAM des Landes|40|42|Mont-de-Marsan:40000,Dax:40100
411|CPAM de Loir-et-Cher|41|33|Blois:41000,Vendôme:41100
421|CPAM de la Loire|42|77|Saint-Étienne:42000,Roanne:42300
431|CPAM de la Haute-Loire|43|23|Le Puy-en-Velay:43000,Yssingeaux:43200
441|CPAM de la Loire-Atlantique|44|145|Nantes:44000,Saint-Nazaire:44600,Rezé:44400
451|CPAM du Loiret|45|68|Orléans:45000,Montargis:45200
461|CPAM du Lot|46|17|Cahors:46000,Figeac:46100
471|CPAM de Lot-et-Garonne|47|33|Agen:47000,Villeneuve-sur-Lot:47300
481|CPAM de la Lozère|48|8|Mende:48000,Marvejols:48100
491|CPAM de Maine-et-Loire|49|82|Angers:49000,Cholet:49300
501|CPAM de la Manche|50|49|Saint-Lô:50000,Cherbourg-en-Cotentin:50100
511|CPAM de la Marne|51|57|Châlons-en-Champagne:51000,Reims:51100
521|CPAM de la Haute-Marne|52|17|Chaumont:52000,Saint-Dizier:52100
531|CPAM de la Mayenne|53|31|Laval:53000,Mayenne:53100
541|CPAM de Meurthe-et-Moselle|54|73|Nancy:54000,Lunéville:54300
551|CPAM de la Meuse|55|18|Bar-le-Duc:55000,Verdun:55100
561|CPAM du Morbihan|56|77|Vannes:56000,Lorient:56100
571|CPAM de la Moselle|57|104|Metz:57000,Thionville:57100
581|CPAM de la Nièvre|58|20|Nevers:58000,Cosne-Cours-sur-Loire:58200
591|CPAM de Lille-Douai|59|90|Lille:59000,Douai:59500,Villeneuve-d'Ascq:59650
592|CPAM de Roubaix-Tourcoing|59|60|Roubaix:59100,Tourcoing:59200
593|CPAM des Flandres|59|40|Dunkerque:59140,Hazebrouck:59190
594|CPAM du Hainaut|59|70|Valenciennes:59300,Maubeuge:59600
601|CPAM de l'Oise|60|83|Beauvais:60000,Compiègne:60200
611|CPAM de l'Orne|61|28|Alençon:61000,Flers:61100
621|CPAM de l'Artois|62|90|Arras:62000,Lens:62300
622|CPAM de la Côte d'Opale|62|56|Calais:62100,Boulogne-sur-Mer:62200
631|CPAM du Puy-de-Dôme|63|66|Clermont-Ferrand:63000,Riom:63200
641|CPAM de Pau-Pyrénées|64|36|Pau:64000,Oloron-Sainte-Marie:64400
642|CPAM de Bayonne|64|32|Bayonne:64100,Anglet:64600
651|CPAM des Hautes-Pyrénées|65|23|Tarbes:65000,Lourdes:65100
661|CPAM des Pyrénées-Orientales|66|48|Perpignan:66000,Céret:66400
671|CPAM du Bas-Rhin|67|115|Strasbourg:67000,Haguenau:67500
681|CPAM du Haut-Rhin|68|77|Colmar:68000,Mulhouse:68100
691|CPAM du Rhône|69|189|Lyon:69003,Villeurbanne:69100,Vénissieux:69200,Lyon:69007
701|CPAM de la Haute-Saône|70|23|Vesoul:70000,Lure:70200
711|CPAM de Saône-et-Loire|71|55|Mâcon:71000,Chalon-sur-Saône:71100
721|CPAM de la Sarthe|72|57|Le Mans:72000,La Flèche:72200
731|CPAM de la Savoie|73|44|Chambéry:73000,Albertville:73200
741|CPAM de la Haute-Savoie|74|83|Annecy:74000,Thonon-les-Bains:74200
751|CPAM de Paris|75|213|Paris:75011,Paris:75015,Paris:75018,Paris:75005,Paris:75020,Paris:75012
761|CPAM de Rouen-Elbeuf-Dieppe|76|75|Rouen:76000,Dieppe:76200
762|CPAM du Havre|76|50|Le Havre:76600,Fécamp:76400
771|CPAM de Seine-et-Marne|77|143|Melun:77000,Meaux:77100
781|CPAM des Yvelines|78|145|Versailles:78000,Mantes-la-Jolie:78200
791|CPAM des Deux-Sèvres|79|37|Niort:79000,Bressuire:79300
801|CPAM de la Somme|80|57|Amiens:80000,Abbeville:80100
811|CPAM du Tarn|81|39|Albi:81000,Castres:81100
821|CPAM de Tarn-et-Garonne|82|26|Montauban:82000,Castelsarrasin:82100
831|CPAM du Var|83|108|Toulon:83000,Fréjus:83600
841|CPAM de Vaucluse|84|56|Avignon:84000,Carpentras:84200
851|CPAM de la Vendée|85|69|La Roche-sur-Yon:85000,Les Sables-d'Olonne:85100
861|CPAM de la Vienne|86|44|Poitiers:86000,Châtellerault:86100
871|CPAM de la Haute-Vienne|87|37|Limoges:87000,Saint-Junien:87200
881|CPAM des Vosges|88|36|Épinal:88000,Saint-Dié-des-Vosges:88100
891|CPAM de l'Yonne|89|33|Auxerre:89000,Sens:89100
901|CPAM du Territoire de Belfort|90|14|Belfort:90000,Delle:90100
911|CPAM de l'Essonne|91|131|Évry-Courcouronnes:91000,Massy:91300
921|CPAM des Hauts-de-Seine|92|163|Nanterre:92000,Boulogne-Billancourt:92100
931|CPAM de la Seine-Saint-Denis|93|166|Bobigny:93000,Saint-Denis:93200
941|CPAM du Val-de-Marne|94|141|Créteil:94000,Vitry-sur-Seine:94400
951|CPAM du Val-d'Oise|95|125|Cergy:95000,Argenteuil:95100
971|CGSS de la Guadeloupe|971|38|Pointe-à-Pitre:97110,Les Abymes:97139
972|CGSS de la Martinique|972|36|Fort-de-France:97200,Le Lamentin:97232
973|CGSS de la Guyane|973|29|Cayenne:97300,Kourou:97310
974|CGSS de La Réunion|974|87|Saint-Denis:97400,Saint-Pierre:97410
976|CSS de Mayotte|976|31|Mamoudzou:97600,Dzaoudzi:97615
`;

export const ALL_CAISSES: CaisseSeed[] = CAISSE_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [code, name, departement, weight, communes] = line.split('|') as [string, string, string, string, string];
    return {
      code,
      name,
      departement,
      weight: Number(weight),
      communes: communes.split(',').map((entry) => entry.split(':') as [string, string]),
    };
  });

/** The demo's caisses: 211 Côte-d'Or and 751 Paris first (well populated), then eight others. */
export const DEMO_CAISSE_CODES = ['211', '751', '131', '331', '691', '591', '441', '2A1', '971', '671'] as const;

export const DEMO_CAISSES: CaisseSeed[] = DEMO_CAISSE_CODES.map((code) => ALL_CAISSES.find((c) => c.code === code)!);

/** Every caisse of France, for national runs. */
export function nationalCaisses(): CaisseSeed[] {
  return ALL_CAISSES;
}

/** Landline prefix of the département's area ('03' for Dijon, '0590' for Guadeloupe). */
export function phonePrefix(departement: string): string {
  const overseas: Record<string, string> = {
    '971': '0590',
    '972': '0596',
    '973': '0594',
    '974': '0262',
    '976': '0269',
  };
  if (overseas[departement]) return overseas[departement];
  if (departement === '2A' || departement === '2B') return '04';
  return AREA[departement] ?? '01';
}

const AREA: Record<string, string> = Object.fromEntries(
  (
    [
      ['01', '75 77 78 91 92 93 94 95'],
      ['02', '14 18 22 27 28 29 35 36 37 41 44 45 49 50 53 56 61 72 76 85'],
      ['03', '02 08 10 21 25 39 51 52 54 55 57 58 59 60 62 67 68 70 71 80 88 89 90'],
      ['04', '01 03 04 05 06 07 11 13 15 26 30 34 38 42 43 48 63 66 69 73 74 83 84'],
      ['05', '09 12 16 17 19 23 24 31 32 33 40 46 47 64 65 79 81 82 86 87'],
    ] as const
  ).flatMap(([prefix, list]) => list.split(' ').map((d) => [d, prefix])),
);

export const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Légaré',
  'Bréhier',
  'Chauvière',
  'Gaëtan',
  'Mathé',
  'Noël',
  'Perrière',
  'Josèphe',
  'Besançon',
  'Clément',
  'Hélary',
  'Désiré',
  'Aubé',
  'Éluard',
  'Ménard',
  'Bérard',
  'Côté',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gautier',
  'Roger',
  'Roche',
  'Roy',
  'Leclerc',
  'Meyer',
  'Lucas',
  'Meunier',
  'Jean',
  'Pérez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Brun',
  'Barbier',
  'Brunet',
  'Giraud',
  'Le Gall',
  'Le Goff',
  'Kerjean',
  'Château',
  'Lefèbvre-Dumas',
  "D'Almeida",
  'Saint-Jore',
  'Œuvrard',
  'Hénaff',
  'Pépin',
];

export const FIRST_NAMES = [
  'Éloïse',
  'Noël',
  'Gaëtan',
  'Camille',
  'Léa',
  'Hélène',
  'Chloé',
  'Jérôme',
  'François',
  'Amélie',
  'Thérèse',
  'Zoé',
  'Maëlle',
  'Benoît',
  'Loïc',
  'Anaïs',
  'Cécile',
  'Aurélien',
  'Inès',
  'Raphaël',
  'Clémence',
  'Joël',
  'Océane',
  'Pierre',
  'Marie',
  'Jean',
  'Sophie',
  'Nicolas',
  'Julie',
  'Thomas',
  'Manon',
  'Lucas',
  'Emma',
  'Hugo',
  'Sarah',
  'Louis',
  'Gaëlle',
  'Jean-Noël',
  'Marie-Hélène',
  'Anne-Sophie',
  'Léon',
  'Adèle',
  'Célia',
  'Mathéo',
  'Lina',
  'Théo',
  'Agnès',
  'Sébastien',
  'Frédéric',
  'Stéphanie',
  'Valérie',
  'Hervé',
  'Véronique',
  'Grégoire',
  'Élodie',
  'Nathan',
  'Yasmine',
  'Karim',
  'Nadia',
  'Françoise',
];

export const STREETS = [
  'rue de la Liberté',
  'avenue Victor-Hugo',
  'place de la République',
  'rue des Écoles',
  'boulevard Gambetta',
  'rue du Général-de-Gaulle',
  'chemin des Vignes',
  'rue Pasteur',
  'rue Jean-Jaurès',
  'allée des Tilleuls',
  'rue de l’Église',
  'quai des Célestins',
  'impasse des Hêtres',
  'cours Jean-Moulin',
  'rue Émile-Zola',
  'avenue du Maréchal-Foch',
];

/** Share of each profession among liberal professionals (public-facts §7, rounded). */
export const PROFESSION_WEIGHTS: [Profession, number][] = [
  ['MEDECIN_GENERALISTE', 14],
  ['MEDECIN_SPECIALISTE', 16],
  ['CHIRURGIEN_DENTISTE', 10],
  ['INFIRMIER', 27],
  ['MASSEUR_KINESITHERAPEUTE', 20],
  ['SAGE_FEMME', 2],
  ['ORTHOPHONISTE', 6],
  ['ORTHOPTISTE', 2],
  ['PEDICURE_PODOLOGUE', 3],
];

export const SPECIALTIES = [
  'cardiologie',
  'gastro-entérologie',
  'dermatologie',
  'pédiatrie',
  'psychiatrie',
  'ophtalmologie',
  'endocrinologie',
  'rhumatologie',
  'gynécologie médicale',
  'pneumologie',
];

export interface SoftwareSeed {
  publisher: string;
  name: string;
  versions: string[];
  dmpCompatible: boolean;
  lapCertified: boolean;
  /** Professions that use it in the demo; empty: a connector any profession may add. */
  professions: Profession[];
  /** Other names printed on pieces (former or commercial names). */
  aliases?: string[];
}

/**
 * Other names publishers are known by on invoices and attestations (trade name, acronym, former name).
 * Each is specific enough never to be read inside another catalogue name.
 */
export const PUBLISHER_ALIASES: Record<string, string[]> = {
  'Éditions Santé Numérique': ['ESN Santé', 'Santé Numérique SAS'],
  'Logiciels du Cabinet': ['LdC Logiciels'],
  'Médisoft Bourgogne': ['Médisoft'],
  'Praxis Informatique Santé': ['Praxis IS'],
  'Odontia Systèmes': ['Groupe Odontia'],
  'Atelier Informatique Médicale': ['AIM Santé'],
};

const MEDECINS: Profession[] = ['MEDECIN_GENERALISTE', 'MEDECIN_SPECIALISTE'];

/** Invented publishers and software (no real brand). */
export const SOFTWARE_CATALOGUE: SoftwareSeed[] = [
  {
    publisher: 'Éditions Santé Numérique',
    name: 'Dentalia',
    aliases: ['DentaWin'],
    versions: ['4.1', '4.2', '5.0'],
    dmpCompatible: true,
    lapCertified: false,
    professions: ['CHIRURGIEN_DENTISTE'],
  },
  {
    publisher: 'Éditions Santé Numérique',
    name: 'Paramédia',
    versions: ['2.3', '3.0'],
    dmpCompatible: true,
    lapCertified: false,
    professions: ['INFIRMIER', 'MASSEUR_KINESITHERAPEUTE', 'SAGE_FEMME', 'PEDICURE_PODOLOGUE'],
  },
  {
    publisher: 'Logiciels du Cabinet',
    name: 'CabinetPlus',
    aliases: ['Cabinet Plus Médecin'],
    versions: ['7.0', '7.1', '8.0'],
    dmpCompatible: true,
    lapCertified: true,
    professions: MEDECINS,
  },
  {
    publisher: 'Logiciels du Cabinet',
    name: 'SoinsLib',
    versions: ['1.9', '2.0'],
    dmpCompatible: true,
    lapCertified: false,
    professions: ['INFIRMIER', 'SAGE_FEMME'],
  },
  {
    publisher: 'Médisoft Bourgogne',
    name: 'Médiplan',
    versions: ['11.2', '12.0'],
    dmpCompatible: true,
    lapCertified: true,
    professions: MEDECINS,
  },
  {
    publisher: 'Praxis Informatique Santé',
    name: 'Praxis Consultation',
    aliases: ['PraxiConsult'],
    versions: ['5.4', '6.0'],
    dmpCompatible: true,
    lapCertified: false,
    professions: MEDECINS,
  },
  {
    publisher: 'Praxis Informatique Santé',
    name: 'PodoSuite',
    versions: ['1.0', '1.1'],
    dmpCompatible: true,
    lapCertified: false,
    professions: ['PEDICURE_PODOLOGUE'],
  },
  {
    publisher: 'Odontia Systèmes',
    name: 'DentiCloud',
    versions: ['2.1', '3.0'],
    dmpCompatible: true,
    lapCertified: false,
    professions: ['CHIRURGIEN_DENTISTE'],
  },
  {
    publisher: 'Atelier Informatique Médicale',
    name: 'Kinésoft',
    aliases: ['KinéCab'],
    versions: ['3.4'],
    dmpCompatible: false,
    lapCertified: false,
    professions: ['MASSEUR_KINESITHERAPEUTE'],
  },
  {
    publisher: 'Atelier Informatique Médicale',
    name: 'OrthoNote',
    versions: ['1.2', '1.3'],
    dmpCompatible: true,
    lapCertified: false,
    professions: ['ORTHOPHONISTE', 'ORTHOPTISTE'],
  },
  {
    publisher: 'Connecteurs & Co',
    name: 'Passerelle DMP',
    versions: ['2.0'],
    dmpCompatible: true,
    lapCertified: false,
    professions: [],
  },
];
