package io.mlgitops.compliance.fairness;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in deny list: names of the special categories of personal data of GDPR Art. 9(1) and of the prohibited
 * bases of the Equal Credit Opportunity Act (15 U.S.C. 1691(a)) and Regulation B (12 CFR 1002.2(z)). Terms are whole
 * words, so plurals and variants are listed (ethnicity and ethnic, belief and beliefs), and no term is a run of the
 * words of another ({@code health} already covers {@code health_status}). Words too common in other senses stand
 * only in compounds: {@code skin_color}, not {@code color}; {@code trade_union}, not {@code union}. The good-faith
 * exercise of Consumer Credit Protection Act rights, also a prohibited basis, has no column name to look for.
 */
final class DefaultDenyTerms {
    static final String GDPR = "GDPR Art. 9(1)";
    static final String ECOA = "ECOA 15 U.S.C. 1691(a)(1); Reg B 12 CFR 1002.2(z)";
    static final String ECOA_PUBLIC_ASSISTANCE = "ECOA 15 U.S.C. 1691(a)(2); Reg B 12 CFR 1002.2(z)";
    private static final String BOTH = GDPR + "; " + ECOA;

    private static final List<DenyTerm> TERMS = terms();

    private DefaultDenyTerms() {
    }

    static List<DenyTerm> all() {
        return TERMS;
    }

    private static List<DenyTerm> terms() {
        List<DenyTerm> terms = new ArrayList<>();
        // racial or ethnic origin; race is also an ECOA basis
        add(terms, BOTH, "race");
        add(terms, GDPR, "racial", "ethnicity", "ethnic");
        add(terms, GDPR, "political", "politics", "party_affiliation");
        // religious or philosophical beliefs; religion is also an ECOA basis
        add(terms, BOTH, "religion", "religious");
        add(terms, GDPR, "faith", "belief", "beliefs", "philosophical");
        add(terms, GDPR, "trade_union", "labor_union", "labour_union", "union_member", "union_membership");
        add(terms, GDPR, "genetic", "genetics", "genome", "genomic", "genotype", "dna");
        add(terms, GDPR, "biometric", "biometrics", "fingerprint", "faceprint", "voiceprint", "facial", "retina",
                "iris_scan");
        add(terms, GDPR, "health", "medical", "diagnosis", "disease", "illness", "disability", "disabled",
                "pregnancy", "pregnant", "medication");
        // sex life and sexual orientation; "sex" below covers sex_life
        add(terms, GDPR, "sexual", "sexuality", "lgbt", "lgbtq");
        add(terms, ECOA, "skin_color", "skin_colour", "skin_tone", "complexion");
        add(terms, ECOA, "national_origin", "nationality", "citizenship", "country_of_birth", "birth_country",
                "ancestry", "immigration");
        add(terms, ECOA, "sex", "gender", "male", "female");
        add(terms, ECOA, "marital", "married", "marriage", "divorced", "widowed");
        add(terms, ECOA, "age", "date_of_birth", "birth_date", "birthdate", "birthday", "year_of_birth",
                "birth_year", "dob");
        add(terms, ECOA_PUBLIC_ASSISTANCE, "public_assistance", "welfare", "food_stamps", "tanf");
        return List.copyOf(terms);
    }

    private static void add(final List<DenyTerm> terms, final String citation, final String... words) {
        for (String word : words) {
            terms.add(DenyTerm.of(word, citation));
        }
    }
}
