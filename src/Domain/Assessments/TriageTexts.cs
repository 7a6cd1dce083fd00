using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Assessments;

/// <summary>
/// The names and advice of red flags in every language, keyed by flag code (and, for unasked safety questions, by
/// item code), so a stored triage can be shown in any language whenever it is read. <see cref="RedFlagRules"/> writes
/// the English when it evaluates; a test holds the English here to it, so a new or reworded flag needs its entry here.
/// </summary>
public static class TriageTexts
{
    /// <summary>A flag's plain name and its advice.</summary>
    public sealed record FlagWording(Wording Name, Wording Advice);

    public const string NotAsked = "red_flags_not_asked";
    public const string BoneOrImmuneRisk = "bone_or_immune_risk";

    private const string SeeGpEs = "Pida cita con su médico de cabecera en las próximas semanas";
    private const string SeeGpDe = "Vereinbaren Sie in den nächsten Wochen einen Termin bei Ihrer Hausärztin oder Ihrem Hausarzt";
    private const string NotBeforeDoctorEs = "No empiece la rutina hasta que le haya visto un médico.";
    private const string NotBeforeDoctorDe = "Beginnen Sie das Programm erst, wenn eine Ärztin oder ein Arzt Sie gesehen hat.";

    /// <summary>Advice when no flag is raised.</summary>
    public static readonly Wording SelfCare = new(
        "Nothing in your answers needs a doctor first, so the self-care routine is a reasonable start. Go to an emergency department at "
        + "once if you get numbness between your legs, changes in bladder, bowel or sexual function, symptoms spreading to both legs, "
        + "or weakness that gets worse.",
        "Nada en sus respuestas requiere ver antes a un médico, así que la rutina de autocuidado es un buen punto de partida. Vaya "
        + "enseguida a urgencias si nota entumecimiento entre las piernas, cambios al orinar, en las deposiciones o en la función sexual, "
        + "síntomas que se extienden a las dos piernas o una debilidad que va a peor.",
        "Nichts in Ihren Antworten erfordert zuerst einen Arztbesuch, daher ist das Selbsthilfeprogramm ein vernünftiger Anfang. Gehen "
        + "Sie sofort in die Notaufnahme, wenn Sie ein Taubheitsgefühl zwischen den Beinen bemerken, sich Blasen-, Darm- oder "
        + "Sexualfunktion verändern, die Beschwerden auf beide Beine übergreifen oder eine Schwäche schlimmer wird.");

    /// <summary>Added to the bone or immune risk advice when weak bones or steroids take exercises out of the routine.</summary>
    public static readonly Wording FragileBones = new(
        ": it leaves out exercises that bend the spine far forward, which weak bones do not tolerate well",
        ": deja fuera los ejercicios que doblan mucho la columna hacia delante, que los huesos débiles no toleran bien",
        ": Es lässt Übungen weg, die die Wirbelsäule weit nach vorn beugen, denn das vertragen schwache Knochen schlecht");

    /// <summary>Leads the advice when an earlier, uncleared flag stands (see <see cref="TriageResult.WithStanding"/>); <c>{0}</c> is the day it was reported.</summary>
    public static readonly Wording StillStands = new(
        "A red flag you reported on {0} still stands: new answers alone do not lift it, a doctor or other clinician needs to see you "
        + "first; once they have, record that visit in the app.",
        "Una señal de alarma que comunicó el {0} sigue en pie: unas respuestas nuevas no la anulan por sí solas; primero tiene que "
        + "verle un médico u otro profesional sanitario y, cuando lo haya hecho, registre esa visita en la app.",
        "Ein Warnzeichen, das Sie am {0} gemeldet haben, besteht weiter: Neue Antworten allein heben es nicht auf; zuerst muss Sie "
        + "eine Ärztin, ein Arzt oder eine andere medizinische Fachperson sehen. Tragen Sie diesen Besuch danach in der App ein.");

    /// <summary>Every flag the rules raise, by code. The advice of <see cref="NotAsked"/> and <see cref="BoneOrImmuneRisk"/> has a <c>{0}</c>.</summary>
    public static readonly IReadOnlyDictionary<string, FlagWording> Flags = new Dictionary<string, FlagWording>(StringComparer.Ordinal)
    {
        ["cauda_equina"] = new(
            new("Possible cauda equina syndrome", "Posible síndrome de cola de caballo", "Mögliches Cauda-equina-Syndrom"),
            new("Go to an emergency department now, or call emergency services. These signs can mean the nerves at the base of the spine are "
                + "being squeezed, which needs treatment within hours to protect bladder, bowel, sexual and leg function. Do not start any exercises.",
                "Vaya ahora mismo a urgencias o llame a los servicios de emergencia. Estas señales pueden indicar que los nervios de la base de "
                + "la columna están comprimidos, lo que necesita tratamiento en pocas horas para proteger la vejiga, el intestino, la función "
                + "sexual y las piernas. No empiece ningún ejercicio.",
                "Gehen Sie sofort in die Notaufnahme oder rufen Sie den Notruf. Diese Zeichen können bedeuten, dass die Nerven am unteren Ende "
                + "der Wirbelsäule eingeklemmt werden; das muss innerhalb von Stunden behandelt werden, um Blase, Darm, Sexualfunktion und "
                + "Beine zu schützen. Beginnen Sie keine Übungen.")),
        ["progressive_neurological_deficit"] = new(
            new("Weakness that needs a doctor soon", "Debilidad que necesita un médico pronto", "Schwäche, die bald ärztlich abgeklärt werden muss"),
            new("See a doctor within 24 hours. Weakness that is getting worse, a foot that slaps or drags, or legs that give way mean a nerve "
                + "is under more pressure than exercises should deal with. Do not start the routine until a doctor has seen you.",
                "Vea a un médico en las próximas 24 horas. Una debilidad que va a peor, un pie que cae de golpe o se arrastra, o unas piernas "
                + "que fallan indican que un nervio está más comprimido de lo que deben tratar unos ejercicios. " + NotBeforeDoctorEs,
                "Lassen Sie sich innerhalb von 24 Stunden ärztlich untersuchen. Eine Schwäche, die schlimmer wird, ein Fuß, der aufklatscht "
                + "oder nachschleift, oder Beine, die wegknicken, bedeuten, dass ein Nerv stärker eingeengt ist, als Übungen es behandeln "
                + "sollten. " + NotBeforeDoctorDe)),
        ["possible_spinal_infection"] = new(
            new("Possible infection in the spine", "Posible infección en la columna", "Mögliche Infektion der Wirbelsäule"),
            new("See a doctor today. A fever or feeling unwell together with back pain can mean an infection in the spine, which needs checking "
                + "the same day, all the more with a raised risk of infection. Do not start the routine until a doctor has seen you.",
                "Vea a un médico hoy mismo. La fiebre o el malestar general junto con dolor de espalda pueden indicar una infección en la "
                + "columna, que hay que revisar el mismo día, más aún si tiene más riesgo de infecciones. " + NotBeforeDoctorEs,
                "Gehen Sie heute noch zu einer Ärztin oder einem Arzt. Fieber oder ein allgemeines Krankheitsgefühl zusammen mit "
                + "Rückenschmerzen können eine Infektion der Wirbelsäule bedeuten, die noch am selben Tag abgeklärt werden muss, erst recht "
                + "bei erhöhtem Infektionsrisiko. " + NotBeforeDoctorDe)),
        ["possible_fracture"] = new(
            new("Possible fracture", "Posible fractura", "Möglicher Knochenbruch"),
            new("See a doctor today. After a big fall or accident, or a sudden sharp pain with weak bones or long-term steroids, a broken bone "
                + "in the spine has to be ruled out first. Do not start the routine until a doctor has seen you.",
                "Vea a un médico hoy mismo. Después de una caída fuerte o un accidente, o ante un dolor agudo y repentino con huesos débiles "
                + "o corticoides tomados durante mucho tiempo, primero hay que descartar una fractura en la columna. " + NotBeforeDoctorEs,
                "Gehen Sie heute noch zu einer Ärztin oder einem Arzt. Nach einem schweren Sturz oder Unfall oder bei plötzlichem starkem "
                + "Schmerz mit schwachen Knochen oder langer Kortisoneinnahme muss zuerst ein Wirbelbruch ausgeschlossen werden. "
                + NotBeforeDoctorDe)),
        ["possible_cancer"] = new(
            new("Signs that need checking for another cause", "Señales que hay que revisar por si hay otra causa",
                "Zeichen, die auf eine andere Ursache geprüft werden müssen"),
            new("See a doctor within the next few days, and no later than two weeks, and tell them about these answers. These signs are uncommon with "
                + "ordinary sciatica and worth checking first. Do not start the routine until a doctor has seen you.",
                "Vea a un médico en los próximos días, y como mucho en dos semanas, y cuéntele estas respuestas. Estas señales no son "
                + "habituales en una ciática corriente y conviene revisarlas primero. " + NotBeforeDoctorEs,
                "Gehen Sie in den nächsten Tagen, spätestens innerhalb von zwei Wochen, zu einer Ärztin oder einem Arzt und erzählen Sie von "
                + "diesen Antworten. Diese Zeichen sind bei gewöhnlichem Ischias selten und sollten zuerst abgeklärt werden. " + NotBeforeDoctorDe)),
        ["symptoms_in_both_legs"] = new(
            new("Symptoms in both legs", "Síntomas en las dos piernas", "Beschwerden in beiden Beinen"),
            new("Book a GP visit in the next few weeks about the symptoms in both legs. Long-standing heaviness in both legs on walking that "
                + "sitting eases is common with a narrowed spinal canal and is not an emergency, but a doctor should check it. Go to an "
                + "emergency department at once if the symptoms began in both legs or reached the second leg in the last few weeks, if "
                + "they spread, if your legs get weaker, or if you notice numbness between your legs or a change in bladder, bowel or "
                + "sexual function.",
                SeeGpEs + " por los síntomas en las dos piernas. Una pesadez antigua en las dos piernas al caminar, que se alivia al sentarse, "
                + "es frecuente cuando el canal de la columna se ha estrechado y no es una urgencia, pero un médico debe revisarla. Vaya "
                + "enseguida a urgencias si los síntomas empezaron en las dos piernas o pasaron a la segunda pierna en las últimas semanas, "
                + "si se extienden, si las piernas se debilitan, o si nota entumecimiento entre las piernas o un cambio al orinar, en las "
                + "deposiciones o en la función sexual.",
                SeeGpDe + " wegen der Beschwerden in beiden Beinen. Ein lange bestehendes Schweregefühl in beiden Beinen beim Gehen, das sich "
                + "im Sitzen bessert, ist bei einem verengten Wirbelkanal häufig und kein Notfall, sollte aber ärztlich abgeklärt werden. "
                + "Gehen Sie sofort in die Notaufnahme, wenn die Beschwerden in den letzten Wochen in beiden Beinen begonnen oder auf das "
                + "zweite Bein übergegriffen haben, wenn sie sich ausbreiten, wenn die Beine schwächer werden oder wenn Sie ein "
                + "Taubheitsgefühl zwischen den Beinen oder eine Veränderung von Blasen-, Darm- oder Sexualfunktion bemerken.")),
        [BoneOrImmuneRisk] = new(
            new("Weak bones, long-term steroids or a weakened immune system", "Huesos débiles, corticoides durante mucho tiempo o defensas bajas",
                "Schwache Knochen, Kortison über lange Zeit oder ein geschwächtes Immunsystem"),
            new("Book a GP visit in the next few weeks to talk this back pain through. You can start the routine meanwhile{0}. See a doctor "
                + "the same day if you get a fever or feel unwell, if the pain came on suddenly and is severe, or if it gets worse.",
                SeeGpEs + " para hablar de este dolor de espalda. Mientras tanto puede empezar la rutina{0}. Vea a un médico el mismo día si "
                + "tiene fiebre o se encuentra mal, si el dolor empezó de repente y es fuerte, o si va a peor.",
                SeeGpDe + ", um diese Rückenschmerzen zu besprechen. Bis dahin können Sie mit dem Programm beginnen{0}. Gehen Sie noch am "
                + "selben Tag zu einer Ärztin oder einem Arzt, wenn Sie Fieber bekommen oder sich krank fühlen, wenn der Schmerz plötzlich "
                + "und heftig begonnen hat oder wenn er schlimmer wird.")),
        ["infection_risk"] = new(
            new("A raised risk of infection", "Más riesgo de infección", "Erhöhtes Infektionsrisiko"),
            new("Book a GP visit in the next few weeks and mention what raises your risk of infection. See a doctor the same day if you get a "
                + "fever or feel unwell. If you have had an operation on your spine, follow the exercise advice you were given after it, "
                + "and check with the team who treated you before starting this routine.",
                SeeGpEs + " y coméntele lo que aumenta su riesgo de infección. Vea a un médico el mismo día si tiene fiebre o se encuentra mal. "
                + "Si le han operado de la columna, siga los consejos de ejercicio que le dieron tras la operación y consulte con el equipo "
                + "que le trató antes de empezar esta rutina.",
                SeeGpDe + " und sprechen Sie an, was Ihr Infektionsrisiko erhöht. Gehen Sie noch am selben Tag zu einer Ärztin oder einem "
                + "Arzt, wenn Sie Fieber bekommen oder sich krank fühlen. Wenn Sie an der Wirbelsäule operiert wurden, halten Sie sich an "
                + "die Übungsempfehlungen, die Sie nach der Operation bekommen haben, und fragen Sie das Behandlungsteam, bevor Sie mit "
                + "diesem Programm beginnen.")),
        ["pain_uncontrolled"] = new(
            new("Severe pain that painkillers do not control", "Dolor fuerte que los analgésicos no controlan", "Starke Schmerzen, die Schmerzmittel nicht lindern"),
            new("See your GP in the next few days about pain relief: pain that painkillers do not control deserves a review. You can try the "
                + "gentle routine meanwhile if it does not make the pain worse.",
                "Vea a su médico de cabecera en los próximos días para revisar el tratamiento del dolor: un dolor que los analgésicos no "
                + "controlan merece una revisión. Mientras tanto puede probar la rutina suave si no le empeora el dolor.",
                "Gehen Sie in den nächsten Tagen wegen der Schmerzbehandlung zu Ihrer Hausärztin oder Ihrem Hausarzt: Schmerzen, die "
                + "Schmerzmittel nicht lindern, sollten überprüft werden. Bis dahin können Sie das sanfte Programm versuchen, wenn es die "
                + "Schmerzen nicht verschlimmert.")),
        ["age_outside_usual_range"] = new(
            new("Back pain at an age when it is less often simple", "Dolor de espalda a una edad en la que es menos a menudo un problema simple",
                "Rückenschmerzen in einem Alter, in dem sie seltener harmlos sind"),
            new("Book a GP visit in the next few weeks: at your age back pain is a little more often due to something other than ordinary "
                + "sciatica, and a doctor should rule that out. You can start the gentle routine meanwhile.",
                SeeGpEs + ": a su edad, el dolor de espalda se debe algo más a menudo a algo distinto de una ciática corriente, y un médico "
                + "debe descartarlo. Mientras tanto puede empezar la rutina suave.",
                SeeGpDe + ": In Ihrem Alter haben Rückenschmerzen etwas häufiger eine andere Ursache als einen gewöhnlichen Ischias, und das "
                + "sollte ärztlich ausgeschlossen werden. Bis dahin können Sie mit dem sanften Programm beginnen.")),
        ["not_improving"] = new(
            new("Symptoms for more than six weeks", "Síntomas durante más de seis semanas", "Beschwerden seit mehr als sechs Wochen"),
            new("Book a GP visit in the next few weeks: symptoms that have lasted more than six weeks deserve a review, and other treatments "
                + "may help alongside the routine.",
                SeeGpEs + ": unos síntomas que duran más de seis semanas merecen una revisión, y otros tratamientos pueden ayudar además de la rutina.",
                SeeGpDe + ": Beschwerden, die länger als sechs Wochen anhalten, sollten überprüft werden, und andere Behandlungen können "
                + "zusätzlich zum Programm helfen.")),
        ["possible_inflammatory_back_pain"] = new(
            new("Morning stiffness that eases with movement", "Rigidez por la mañana que mejora al moverse", "Morgensteifigkeit, die bei Bewegung nachlässt"),
            new("Book a GP visit in the next few weeks: long morning stiffness that eases as you move, at your age, can come from inflammation "
                + "of the spine, which has its own treatment. You can start the routine meanwhile.",
                SeeGpEs + ": a su edad, una rigidez larga por la mañana que mejora al moverse puede deberse a una inflamación de la columna, "
                + "que tiene su propio tratamiento. Mientras tanto puede empezar la rutina.",
                SeeGpDe + ": Eine lange Morgensteifigkeit, die bei Bewegung nachlässt, kann in Ihrem Alter von einer Entzündung der "
                + "Wirbelsäule kommen, die eigens behandelt wird. Bis dahin können Sie mit dem Programm beginnen.")),
        [NotAsked] = new(
            new("Some safety questions were not asked", "No se hicieron algunas preguntas de seguridad", "Einige Sicherheitsfragen wurden nicht gestellt"),
            new("The questionnaire you answered did not ask everything we need to know for your safety; please answer the remaining "
                + "questions too. Until then, if any of these apply to you, act on it as it says: {0}. Otherwise book a GP visit in the next few weeks.",
                "El cuestionario que respondió no preguntaba todo lo que necesitamos saber para su seguridad; responda también las preguntas "
                + "que faltan. Hasta entonces, si le ocurre algo de esto, actúe como se indica: {0}. Si no, pida cita con su médico de "
                + "cabecera en las próximas semanas.",
                "Der Fragebogen, den Sie beantwortet haben, hat nicht alles gefragt, was wir für Ihre Sicherheit wissen müssen; bitte "
                + "beantworten Sie auch die übrigen Fragen. Wenn bis dahin etwas davon auf Sie zutrifft, handeln Sie wie angegeben: {0}. "
                + "Sonst vereinbaren Sie in den nächsten Wochen einen Termin bei Ihrer Hausärztin oder Ihrem Hausarzt.")),
    };

    /// <summary>For an older version that did not ask them: what each safety question would have led to, by item code.</summary>
    public static readonly IReadOnlyDictionary<string, Wording> IfYes = new Dictionary<string, Wording>(StringComparer.Ordinal)
    {
        [RedFlagRules.SaddleNumbness] = new(
            "numbness between your legs or around your bottom: an emergency department now",
            "entumecimiento entre las piernas o alrededor de las nalgas: a urgencias ahora",
            "Taubheitsgefühl zwischen den Beinen oder am Gesäß: sofort in die Notaufnahme"),
        [RedFlagRules.BladderBowelChange] = new(
            "new trouble with bladder or bowel control: an emergency department now",
            "problemas nuevos para controlar la orina o las heces: a urgencias ahora",
            "neue Probleme, Blase oder Darm zu kontrollieren: sofort in die Notaufnahme"),
        [RedFlagRules.SexualFunctionChange] = new(
            "a new loss of sexual function or of feeling in your genitals: an emergency department now",
            "una pérdida nueva de la función sexual o de la sensibilidad en los genitales: a urgencias ahora",
            "ein neuer Verlust der Sexualfunktion oder des Gefühls an den Genitalien: sofort in die Notaufnahme"),
        [RedFlagRules.BothLegsRecent] = new(
            "leg symptoms that started in or spread to both legs in the last few weeks: an emergency department now",
            "síntomas que en las últimas semanas empezaron en las dos piernas o pasaron a ambas: a urgencias ahora",
            "Beschwerden, die in den letzten Wochen in beiden Beinen begonnen oder sich auf beide ausgebreitet haben: sofort in die Notaufnahme"),
        [RedFlagRules.ProgressiveWeakness] = new(
            "weakness in a leg or foot that is getting worse: a doctor within 24 hours",
            "debilidad en una pierna o un pie que va a peor: un médico en las próximas 24 horas",
            "eine Schwäche in Bein oder Fuß, die schlimmer wird: innerhalb von 24 Stunden zur Ärztin oder zum Arzt"),
        [RedFlagRules.FootDrop] = new(
            "a foot that slaps down or catches when you walk: a doctor within 24 hours",
            "un pie que cae de golpe o se engancha al caminar: un médico en las próximas 24 horas",
            "ein Fuß, der beim Gehen aufklatscht oder hängen bleibt: innerhalb von 24 Stunden zur Ärztin oder zum Arzt"),
        [RedFlagRules.LegsGivingWay] = new(
            "legs that give way under you: a doctor within 24 hours",
            "piernas que le fallan: un médico en las próximas 24 horas",
            "Beine, die wegknicken: innerhalb von 24 Stunden zur Ärztin oder zum Arzt"),
        [RedFlagRules.BilateralLegSymptoms] = new(
            "symptoms in both legs: a GP visit in the next few weeks, or an emergency department now if they are new or spreading",
            "síntomas en las dos piernas: cita con su médico de cabecera en las próximas semanas, o urgencias ahora si son nuevos o se extienden",
            "Beschwerden in beiden Beinen: in den nächsten Wochen zur Hausärztin oder zum Hausarzt, oder sofort in die Notaufnahme, wenn sie neu sind oder sich ausbreiten"),
        [RedFlagRules.CancerHistory] = new(
            "cancer, now or in the past: a doctor within the next few days",
            "cáncer, ahora o en el pasado: un médico en los próximos días",
            "Krebs, jetzt oder früher: in den nächsten Tagen zur Ärztin oder zum Arzt"),
        [RedFlagRules.UnexplainedWeightLoss] = new(
            "weight loss you cannot explain: a doctor within the next few days",
            "una pérdida de peso sin explicación: un médico en los próximos días",
            "ein Gewichtsverlust ohne Erklärung: in den nächsten Tagen zur Ärztin oder zum Arzt"),
        [RedFlagRules.NightPainUnrelenting] = new(
            "constant pain at night that no position eases: a doctor within the next few days",
            "dolor constante por la noche que no alivia ninguna postura: un médico en los próximos días",
            "ständige Schmerzen in der Nacht, die keine Lage lindert: in den nächsten Tagen zur Ärztin oder zum Arzt"),
        [RedFlagRules.ThoracicPain] = new(
            "pain between your shoulder blades: a doctor within the next few days",
            "dolor entre los omóplatos: un médico en los próximos días",
            "Schmerzen zwischen den Schulterblättern: in den nächsten Tagen zur Ärztin oder zum Arzt"),
        [RedFlagRules.FeverOrUnwell] = new(
            "a fever or feeling unwell with the pain: a doctor today",
            "fiebre o malestar general junto con el dolor: un médico hoy mismo",
            "Fieber oder Krankheitsgefühl zu den Schmerzen: heute noch zur Ärztin oder zum Arzt"),
        [RedFlagRules.InfectionRisk] = new(
            "injecting drugs, a recent infection, spine surgery or an injection in the spine, or diabetes: a GP visit, and a doctor today if you get a fever",
            "inyectarse drogas, una infección reciente, una operación o una inyección en la columna, o diabetes: cita con su médico de cabecera, y un médico hoy mismo si le da fiebre",
            "Drogen spritzen, eine kürzliche Infektion, eine Operation oder Spritze an der Wirbelsäule oder Diabetes: zur Hausärztin oder zum Hausarzt, und heute noch zur Ärztin oder zum Arzt, wenn Fieber dazukommt"),
        [RedFlagRules.RecentMajorTrauma] = new(
            "pain that started after a big fall or accident: a doctor today",
            "un dolor que empezó tras una caída fuerte o un accidente: un médico hoy mismo",
            "Schmerzen nach einem schweren Sturz oder Unfall: heute noch zur Ärztin oder zum Arzt"),
        [RedFlagRules.Osteoporosis] = new(
            "weak bones, with pain that came on suddenly and severely: a doctor today",
            "huesos débiles, con un dolor que empezó de repente y con fuerza: un médico hoy mismo",
            "schwache Knochen und Schmerzen, die plötzlich und heftig begonnen haben: heute noch zur Ärztin oder zum Arzt"),
        [RedFlagRules.LongTermSteroids] = new(
            "long-term steroid tablets, with pain that came on suddenly and severely: a doctor today",
            "corticoides en pastillas durante mucho tiempo, con un dolor que empezó de repente y con fuerza: un médico hoy mismo",
            "Kortison-Tabletten über lange Zeit und Schmerzen, die plötzlich und heftig begonnen haben: heute noch zur Ärztin oder zum Arzt"),
        [RedFlagRules.WeakenedImmunity] = new(
            "a weakened immune system: a GP visit, and a doctor today if you get a fever",
            "defensas bajas: cita con su médico de cabecera, y un médico hoy mismo si le da fiebre",
            "ein geschwächtes Immunsystem: zur Hausärztin oder zum Hausarzt, und heute noch zur Ärztin oder zum Arzt, wenn Fieber dazukommt"),
        [RedFlagRules.PainUncontrolled] = new(
            "severe pain that painkillers do not control: a GP in the next few days",
            "dolor fuerte que los analgésicos no controlan: su médico de cabecera en los próximos días",
            "starke Schmerzen, die Schmerzmittel nicht lindern: in den nächsten Tagen zur Hausärztin oder zum Hausarzt"),
        [RedFlagRules.SymptomDuration] = new(
            "symptoms for more than six weeks: a GP visit in the next few weeks",
            "síntomas durante más de seis semanas: cita con su médico de cabecera en las próximas semanas",
            "Beschwerden seit mehr als sechs Wochen: in den nächsten Wochen zur Hausärztin oder zum Hausarzt"),
        [Screening.HipReplacementItem] = new(
            "a hip replacement: until you tell us, your routine leaves out the hip positions it rules out",
            "una prótesis de cadera: hasta que nos lo diga, su rutina deja fuera las posturas de cadera que no convienen con ella",
            "ein künstliches Hüftgelenk: bis Sie es uns sagen, lässt Ihr Programm die Hüftpositionen weg, die damit nicht erlaubt sind"),
        [Screening.PregnantItem] = new(
            "pregnancy: until you tell us, your routine leaves out lying face down and long holds on your back",
            "embarazo: hasta que nos lo diga, su rutina deja fuera tumbarse boca abajo y las posturas largas boca arriba",
            "Schwangerschaft: bis Sie es uns sagen, lässt Ihr Programm das Liegen auf dem Bauch und lange Haltepositionen auf dem Rücken weg"),
    };

    /// <summary>
    /// The triage with every flag's name and advice, and the leading advice, in <paramref name="language"/>. English is
    /// returned as stored: it is what the rules wrote. A flag without an entry here (or an unasked question without
    /// one) keeps its stored English rather than lose its advice.
    /// </summary>
    public static TriageResult Render(TriageResult triage, Language language) =>
        language == LanguageNegotiation.Source ? triage : Write(triage, language);

    /// <summary>The triage as this table words it in <paramref name="language"/>, English included; flags without an entry keep their own words.</summary>
    public static TriageResult Write(TriageResult triage, Language language)
    {
        var flags = triage.Flags.Select(f => Write(f, language) ?? f).ToList();
        var own = flags switch
        {
            [var first, ..] => first.Advice,
            _ when triage.Level == TriageLevel.SelfCare && triage.Standing is null => SelfCare.In(language),
            _ => triage.Advice,
        };
        if (triage.Standing is not { } hold)
        {
            return triage with { Flags = flags, Advice = own };
        }

        // As TriageResult.WithStanding puts it: the standing flag with its advice, and the more urgent of it and these
        // answers' own advice first.
        var standing = hold with { Flags = [.. hold.Flags.Select(f => Write(f, language) ?? f)] };
        var stands = StillStands.Format(language, hold.RaisedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            + (standing.Flags is [var lead, ..] ? " " + lead.Advice : string.Empty);
        var advice = flags.Count == 0 ? stands
            : triage.LevelOfAnswers() > hold.Level ? $"{own} {stands}"
            : $"{stands} {own}";
        return triage with { Flags = flags, Advice = advice, Standing = standing };
    }

    public static RaisedFlag Render(RaisedFlag flag, Language language) =>
        language == LanguageNegotiation.Source ? flag : Write(flag, language) ?? flag;

    /// <summary>The flag's name and advice as this table words them in <paramref name="language"/>, English included; null without an entry.</summary>
    public static RaisedFlag? Write(RaisedFlag flag, Language language)
    {
        if (!Flags.TryGetValue(flag.Code, out var wording))
        {
            return null;
        }

        string? advice = flag.Code switch
        {
            NotAsked when flag.Items.All(IfYes.ContainsKey) =>
                wording.Advice.Format(language, string.Join("; ", flag.Items.Select(item => IfYes[item].In(language)))),
            NotAsked => null,
            BoneOrImmuneRisk => wording.Advice.Format(
                language, flag.Items.Any(i => i is RedFlagRules.Osteoporosis or RedFlagRules.LongTermSteroids) ? FragileBones.In(language) : string.Empty),
            _ => wording.Advice.In(language),
        };
        return advice is null ? null : flag with { Name = wording.Name.In(language), Advice = advice };
    }
}
