package fr.mare.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a collective is: the French départements (« 35 — Ille-et-Vilaine »), then Belgique, Suisse, Québec and « Autre ». */
public final class Regions {

    private static final Map<String, String> ALL;
    private static final List<String> ORDER;

    static {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("01", "01 — Ain");
        regions.put("02", "02 — Aisne");
        regions.put("03", "03 — Allier");
        regions.put("04", "04 — Alpes-de-Haute-Provence");
        regions.put("05", "05 — Hautes-Alpes");
        regions.put("06", "06 — Alpes-Maritimes");
        regions.put("07", "07 — Ardèche");
        regions.put("08", "08 — Ardennes");
        regions.put("09", "09 — Ariège");
        regions.put("10", "10 — Aube");
        regions.put("11", "11 — Aude");
        regions.put("12", "12 — Aveyron");
        regions.put("13", "13 — Bouches-du-Rhône");
        regions.put("14", "14 — Calvados");
        regions.put("15", "15 — Cantal");
        regions.put("16", "16 — Charente");
        regions.put("17", "17 — Charente-Maritime");
        regions.put("18", "18 — Cher");
        regions.put("19", "19 — Corrèze");
        regions.put("2A", "2A — Corse-du-Sud");
        regions.put("2B", "2B — Haute-Corse");
        regions.put("21", "21 — Côte-d'Or");
        regions.put("22", "22 — Côtes-d'Armor");
        regions.put("23", "23 — Creuse");
        regions.put("24", "24 — Dordogne");
        regions.put("25", "25 — Doubs");
        regions.put("26", "26 — Drôme");
        regions.put("27", "27 — Eure");
        regions.put("28", "28 — Eure-et-Loir");
        regions.put("29", "29 — Finistère");
        regions.put("30", "30 — Gard");
        regions.put("31", "31 — Haute-Garonne");
        regions.put("32", "32 — Gers");
        regions.put("33", "33 — Gironde");
        regions.put("34", "34 — Hérault");
        regions.put("35", "35 — Ille-et-Vilaine");
        regions.put("36", "36 — Indre");
        regions.put("37", "37 — Indre-et-Loire");
        regions.put("38", "38 — Isère");
        regions.put("39", "39 — Jura");
        regions.put("40", "40 — Landes");
        regions.put("41", "41 — Loir-et-Cher");
        regions.put("42", "42 — Loire");
        regions.put("43", "43 — Haute-Loire");
        regions.put("44", "44 — Loire-Atlantique");
        regions.put("45", "45 — Loiret");
        regions.put("46", "46 — Lot");
        regions.put("47", "47 — Lot-et-Garonne");
        regions.put("48", "48 — Lozère");
        regions.put("49", "49 — Maine-et-Loire");
        regions.put("50", "50 — Manche");
        regions.put("51", "51 — Marne");
        regions.put("52", "52 — Haute-Marne");
        regions.put("53", "53 — Mayenne");
        regions.put("54", "54 — Meurthe-et-Moselle");
        regions.put("55", "55 — Meuse");
        regions.put("56", "56 — Morbihan");
        regions.put("57", "57 — Moselle");
        regions.put("58", "58 — Nièvre");
        regions.put("59", "59 — Nord");
        regions.put("60", "60 — Oise");
        regions.put("61", "61 — Orne");
        regions.put("62", "62 — Pas-de-Calais");
        regions.put("63", "63 — Puy-de-Dôme");
        regions.put("64", "64 — Pyrénées-Atlantiques");
        regions.put("65", "65 — Hautes-Pyrénées");
        regions.put("66", "66 — Pyrénées-Orientales");
        regions.put("67", "67 — Bas-Rhin");
        regions.put("68", "68 — Haut-Rhin");
        regions.put("69", "69 — Rhône");
        regions.put("70", "70 — Haute-Saône");
        regions.put("71", "71 — Saône-et-Loire");
        regions.put("72", "72 — Sarthe");
        regions.put("73", "73 — Savoie");
        regions.put("74", "74 — Haute-Savoie");
        regions.put("75", "75 — Paris");
        regions.put("76", "76 — Seine-Maritime");
        regions.put("77", "77 — Seine-et-Marne");
        regions.put("78", "78 — Yvelines");
        regions.put("79", "79 — Deux-Sèvres");
        regions.put("80", "80 — Somme");
        regions.put("81", "81 — Tarn");
        regions.put("82", "82 — Tarn-et-Garonne");
        regions.put("83", "83 — Var");
        regions.put("84", "84 — Vaucluse");
        regions.put("85", "85 — Vendée");
        regions.put("86", "86 — Vienne");
        regions.put("87", "87 — Haute-Vienne");
        regions.put("88", "88 — Vosges");
        regions.put("89", "89 — Yonne");
        regions.put("90", "90 — Territoire de Belfort");
        regions.put("91", "91 — Essonne");
        regions.put("92", "92 — Hauts-de-Seine");
        regions.put("93", "93 — Seine-Saint-Denis");
        regions.put("94", "94 — Val-de-Marne");
        regions.put("95", "95 — Val-d'Oise");
        regions.put("971", "971 — Guadeloupe");
        regions.put("972", "972 — Martinique");
        regions.put("973", "973 — Guyane");
        regions.put("974", "974 — La Réunion");
        regions.put("976", "976 — Mayotte");
        regions.put("BE", "Belgique");
        regions.put("CH", "Suisse");
        regions.put("QC", "Québec");
        regions.put("AUTRE", "Autre");
        ALL = Map.copyOf(regions);
        ORDER = List.copyOf(regions.keySet());
    }

    private Regions() {
    }

    public static List<String> codes() {
        return ORDER;
    }

    public static boolean exists(String code) {
        return code != null && ALL.containsKey(code);
    }

    public static String name(String code) {
        return ALL.getOrDefault(code, code);
    }
}
