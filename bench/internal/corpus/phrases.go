package corpus

// The phrase tables below are parallel: entry i of a table means the same
// thing in Russian, Kyrgyz and English, so that the three texts of one news
// item are translations of each other, as on the real site. Russian forms
// are given in the case each template needs; Kyrgyz postpositions (боюнча,
// тууралуу, жаатында) take the nominative, so a Kyrgyz topic has one form.
//
// Placeholders in templates:
//
//	Russian: {dat} {gen} topic in the dative or genitive; {o} "о/об" and
//	         the prepositional; {place} "в Оше"; {region} "из Ошской области"
//	Kyrgyz:  {t} {T} topic (lower / capitalised); {place} locative "Ошто";
//	         {placeattr} "Оштогу"; {region} ablative "Ош облусунан"
//	English: {t} {T} topic; {place} "Osh"; {region} "Osh Region"
//	all:     {recipient} {claim} as given by their own tables

// gender selects the Russian past-tense form that agrees with a subject.
type gender int

const (
	masc gender = iota
	fem
	neut
	plural
)

// actor is who did something: a ministry, a partner, a group of people.
type actor struct {
	ru   string // nominative, as written mid-sentence
	g    gender
	ky   string
	kyPl bool // human plural: the Kyrgyz verb takes -ышты
	en   string
	enPl bool
}

var actors = []actor{
	{"Министерство образования и науки", neut, "Билим берүү жана илим министрлиги", false, "the Ministry of Education and Science", false},
	{"Министерство труда, социального обеспечения и миграции", neut, "Эмгек, социалдык камсыздоо жана миграция министрлиги", false, "the Ministry of Labor, Social Support and Migration", false},
	{"Министерство культуры, информации, спорта и молодёжной политики", neut, "Маданият, маалымат, спорт жана жаштар саясаты министрлиги", false, "the Ministry of Culture, Information, Sports and Youth Policy", false},
	{"Государственная комиссия по делам религий", fem, "Дин иштери боюнча мамлекеттик комиссия", false, "the State Commission for Religious Affairs", false},
	{"Государственное агентство по делам государственной службы и местного самоуправления", neut, "Мамлекеттик кызмат жана жергиликтүү өз алдынча башкаруу иштери боюнча мамлекеттик агенттик", false, "the State Agency for Civil Service and Local Self-Government", false},
	{"Агентство социальных технологий", neut, "Социалдык технологиялар агенттиги", false, "the Social Technologies Agency", false},
	{"Центр творческого развития «Данило Дольчи»", masc, "«Данило Дольчи» чыгармачылык өнүгүү борбору", false, "the Centre for Creative Development “Danilo Dolci”", false},
	{"Представительство Европейского союза", neut, "Европа Биримдигинин өкүлчүлүгү", false, "the Delegation of the European Union", false},
	{"команда проекта «ДаткАйым»", fem, "«ДаткАйым» долбоорунун командасы", false, "the HERo project team", false},
	{"молодые журналистки из регионов", plural, "аймактардан келген жаш журналисттер", true, "young women journalists from the regions", true},
	{"активистки гражданского общества", plural, "жарандык коомдун активисттери", true, "civil society activists", true},
	{"депутаты местных кенешей", plural, "жергиликтүү кеңештердин депутаттары", true, "members of local councils", true},
	{"школьные учителя", plural, "мектеп мугалимдери", true, "school teachers", true},
	{"студенты и преподаватели университетов", plural, "университеттердин студенттери жана окутуучулары", true, "university students and lecturers", true},
	{"редакторы региональных изданий", plural, "аймактык басылмалардын редакторлору", true, "editors of regional publications", true},
	{"женские инициативные группы", plural, "аялдардын демилгелүү топтору", true, "women's initiative groups", true},
	{"эксперты по гендерным вопросам", plural, "гендердик маселелер боюнча эксперттер", true, "gender experts", true},
	{"органы местного самоуправления", plural, "жергиликтүү өз алдынча башкаруу органдары", false, "local self-government bodies", true},
	{"религиозные лидеры", plural, "диний лидерлер", true, "religious leaders", true},
	{"молодые блогеры", plural, "жаш блогерлер", true, "young bloggers", true},
	{"общественные объединения юга страны", plural, "өлкөнүн түштүгүндөгү коомдук бирикмелер", false, "public associations from the south of the country", true},
}

// verb is a past-tense verb in every form a subject may need, and its
// present tense for English headlines.
type verb struct {
	ru                  [4]string // by gender
	ky                  [2]string // singular, human plural
	enPast, en3, enPlur string
}

const (
	vHold = iota
	vOrganise
	vPrepare
	vLaunch
	vAnnounce
	vPublish
)

var verbs = []verb{
	vHold:     {[4]string{"провёл", "провела", "провело", "провели"}, [2]string{"өткөрдү", "өткөрүштү"}, "held", "holds", "hold"},
	vOrganise: {[4]string{"организовал", "организовала", "организовало", "организовали"}, [2]string{"уюштурду", "уюштурушту"}, "organised", "organises", "organise"},
	vPrepare:  {[4]string{"подготовил", "подготовила", "подготовило", "подготовили"}, [2]string{"даярдады", "даярдашты"}, "prepared", "prepares", "prepare"},
	vLaunch:   {[4]string{"запустил", "запустила", "запустило", "запустили"}, [2]string{"баштады", "башташты"}, "launched", "launches", "launch"},
	vAnnounce: {[4]string{"объявил", "объявила", "объявило", "объявили"}, [2]string{"жарыялады", "жарыялашты"}, "announced", "announces", "announce"},
	vPublish:  {[4]string{"опубликовал", "опубликовала", "опубликовало", "опубликовали"}, [2]string{"жарыялады", "жарыялашты"}, "published", "publishes", "publish"},
}

// event is what an actor held, launched or published; ru is in the
// accusative. verbs lists the verbs that go with it.
type event struct {
	ru, ky, en string
	verbs      []int
	kind       eventKind
}

type eventKind int

const (
	training eventKind = iota
	meeting
	campaign
	contest
	study
)

var events = []event{
	{"тренинг по {dat}", "{t} боюнча тренинг", "a training on {t}", []int{vHold, vOrganise}, training},
	{"круглый стол {o}", "{t} боюнча тегерек стол", "a round table on {t}", []int{vHold, vOrganise}, meeting},
	{"семинар для журналистов по {dat}", "журналисттер үчүн {t} боюнча семинар", "a seminar for journalists on {t}", []int{vHold, vOrganise}, training},
	{"общественные слушания по {dat}", "{t} боюнча коомдук угуулар", "public hearings on {t}", []int{vHold, vOrganise}, meeting},
	{"информационную кампанию {o}", "{t} тууралуу маалыматтык кампания", "an information campaign on {t}", []int{vLaunch, vOrganise}, campaign},
	{"конкурс журналистских материалов {o}", "{t} тууралуу журналисттик материалдардын сынагы", "a competition for journalistic stories on {t}", []int{vAnnounce, vHold}, contest},
	{"исследование {gen}", "{t} боюнча изилдөө", "a study of {t}", []int{vPublish, vPrepare}, study},
	{"методическое пособие по {dat}", "{t} боюнча усулдук колдонмо", "a guidebook on {t}", []int{vPublish, vPrepare}, study},
	{"мастер-класс по {dat}", "{t} боюнча мастер-класс", "a master class on {t}", []int{vHold, vOrganise}, training},
	{"летнюю школу по {dat}", "{t} боюнча жайкы мектеп", "a summer school on {t}", []int{vOrganise, vHold}, training},
	{"форум {o}", "{t} боюнча форум", "a forum on {t}", []int{vHold, vOrganise}, meeting},
	{"дискуссию {o}", "{t} тууралуу талкуу", "a discussion on {t}", []int{vHold, vOrganise}, meeting},
}

// topic is what a news item is about.
type topic struct {
	dat, gen, prep string // Russian
	ky, en         string
}

var topics = []topic{
	{"гендерному равенству", "гендерного равенства", "гендерном равенстве", "гендердик теңчилик", "gender equality"},
	{"медиаграмотности", "медиаграмотности", "медиаграмотности", "медиасабаттуулук", "media literacy"},
	{"правам женщин", "прав женщин", "правах женщин", "аялдардын укуктары", "women's rights"},
	{"профилактике гендерного насилия", "профилактики гендерного насилия", "профилактике гендерного насилия", "гендердик зомбулуктун алдын алуу", "preventing gender-based violence"},
	{"гендерным стереотипам в СМИ", "гендерных стереотипов в СМИ", "гендерных стереотипах в СМИ", "маалымат каражаттарындагы гендердик стереотиптер", "gender stereotypes in the media"},
	{"участию женщин в принятии решений", "участия женщин в принятии решений", "участии женщин в принятии решений", "аялдардын чечим кабыл алууга катышуусу", "women's participation in decision-making"},
	{"инклюзивному образованию", "инклюзивного образования", "инклюзивном образовании", "инклюзивдүү билим берүү", "inclusive education"},
	{"экономическим правам женщин", "экономических прав женщин", "экономических правах женщин", "аялдардын экономикалык укуктары", "women's economic rights"},
	{"журналистской этике", "журналистской этики", "журналистской этике", "журналисттик этика", "journalistic ethics"},
	{"гендерному бюджетированию", "гендерного бюджетирования", "гендерном бюджетировании", "гендердик бюджеттөө", "gender-responsive budgeting"},
	{"предотвращению ранних браков", "предотвращения ранних браков", "предотвращении ранних браков", "эрте никенин алдын алуу", "preventing early marriage"},
	{"лидерству девушек", "лидерства девушек", "лидерстве девушек", "кыздардын лидерлиги", "girls' leadership"},
	{"равной оплате труда", "равной оплаты труда", "равной оплате труда", "эмгекке бирдей акы төлөө", "equal pay"},
	{"цифровой безопасности", "цифровой безопасности", "цифровой безопасности", "санариптик коопсуздук", "digital safety"},
	{"противодействию дезинформации", "противодействия дезинформации", "противодействии дезинформации", "жалган маалыматка каршы туруу", "countering disinformation"},
	{"социальной защите семей", "социальной защиты семей", "социальной защите семей", "үй-бүлөлөрдү социалдык коргоо", "the social protection of families"},
	{"трудовой миграции", "трудовой миграции", "трудовой миграции", "эмгек миграциясы", "labour migration"},
	{"местному самоуправлению", "местного самоуправления", "местном самоуправлении", "жергиликтүү өз алдынча башкаруу", "local self-government"},
	{"межрелигиозному диалогу", "межрелигиозного диалога", "межрелигиозном диалоге", "диндер аралык диалог", "interfaith dialogue"},
	{"выбору профессии девочками", "выбора профессии девочками", "выборе профессии девочками", "кыздардын кесип тандоосу", "girls' choice of career"},
}

// place is a town, in the forms the templates need.
type place struct{ ru, ky, kyAttr, en string }

var places = []place{
	{"в Бишкеке", "Бишкекте", "Бишкектеги", "Bishkek"},
	{"в Оше", "Ошто", "Оштогу", "Osh"},
	{"в Нарыне", "Нарында", "Нарындагы", "Naryn"},
	{"в Караколе", "Караколдо", "Караколдогу", "Karakol"},
	{"в Джалал-Абаде", "Жалал-Абадда", "Жалал-Абаддагы", "Jalal-Abad"},
	{"в Таласе", "Таласта", "Таластагы", "Talas"},
	{"в Баткене", "Баткенде", "Баткендеги", "Batken"},
	{"в Токмоке", "Токмокто", "Токмоктогу", "Tokmok"},
	{"в Чолпон-Ате", "Чолпон-Атада", "Чолпон-Атадагы", "Cholpon-Ata"},
	{"в Кара-Балте", "Кара-Балтада", "Кара-Балтадагы", "Kara-Balta"},
	{"в Узгене", "Өзгөндө", "Өзгөндөгү", "Uzgen"},
	{"в Кочкоре", "Кочкордо", "Кочкордогу", "Kochkor"},
}

// tri is one phrase in the three languages.
type tri struct{ ru, ky, en string }

// regions: where participants came from.
var regions = []tri{
	{"из Чуйской области", "Чүй облусунан", "Chuy Region"},
	{"из Иссык-Кульской области", "Ысык-Көл облусунан", "Issyk-Kul Region"},
	{"из Нарынской области", "Нарын облусунан", "Naryn Region"},
	{"из Таласской области", "Талас облусунан", "Talas Region"},
	{"из Джалал-Абадской области", "Жалал-Абад облусунан", "Jalal-Abad Region"},
	{"из Ошской области", "Ош облусунан", "Osh Region"},
	{"из Баткенской области", "Баткен облусунан", "Batken Region"},
	{"из всех областей страны", "өлкөнүн бардык облустарынан", "all regions of the country"},
}

// when opens a lead sentence.
var when = []tri{
	{"В понедельник", "Дүйшөмбү күнү", "On Monday"},
	{"Во вторник", "Шейшемби күнү", "On Tuesday"},
	{"В среду", "Шаршемби күнү", "On Wednesday"},
	{"В четверг", "Бейшемби күнү", "On Thursday"},
	{"В пятницу", "Жума күнү", "On Friday"},
	{"На прошлой неделе", "Өткөн жумада", "Last week"},
	{"В начале месяца", "Айдын башында", "At the start of the month"},
	{"В конце месяца", "Айдын аягында", "At the end of the month"},
	{"На этой неделе", "Ушул жумада", "This week"},
	{"Вчера", "Кечээ", "Yesterday"},
}

// people are counted: Russian genitive plural (every count used ends in
// 0 or 5), Kyrgyz singular after a numeral, English plural.
var people = []tri{
	{"учителей", "мугалим", "teachers"},
	{"журналистов", "журналист", "journalists"},
	{"студентов", "студент", "students"},
	{"государственных служащих", "мамлекеттик кызматкер", "civil servants"},
	{"активисток", "аял активист", "women activists"},
	{"депутатов местных кенешей", "жергиликтүү кеңештин депутаты", "local council members"},
	{"школьниц", "окуучу кыз", "schoolgirls"},
	{"социальных работников", "социалдык кызматкер", "social workers"},
	{"библиотекарей", "китепканачы", "librarians"},
	{"молодых лидеров", "жаш лидер", "young leaders"},
	{"представителей религиозных общин", "диний жамааттын өкүлү", "representatives of religious communities"},
	{"блогеров", "блогер", "bloggers"},
}

var counts = []int{15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 120, 150}

// recipients of recommendations: Russian genitive after "для", Kyrgyz
// with "үчүн".
var recipients = []tri{
	{"местных органов власти", "жергиликтүү бийлик органдары үчүн", "local authorities"},
	{"Министерства образования и науки", "Билим берүү жана илим министрлиги үчүн", "the Ministry of Education and Science"},
	{"редакций региональных СМИ", "аймактык басылмалардын редакциялары үчүн", "the editorial offices of regional media"},
	{"депутатов Жогорку Кенеша", "Жогорку Кеңештин депутаттары үчүн", "members of the Jogorku Kenesh"},
	{"школьных администраций", "мектеп жетекчилиги үчүн", "school administrations"},
}

// claims are what participants noted: a clause after "что", before
// "деп", after "that".
var claims = []tri{
	{"женщины по-прежнему редко занимают руководящие должности в местном самоуправлении", "аялдар жергиликтүү өз алдынча башкарууда дагы эле жетекчи кызматтарды сейрек ээлешет", "women still rarely hold senior posts in local self-government"},
	{"сельским школам нужны новые учебные материалы", "айыл мектептерине жаңы окуу материалдары керек", "rural schools need new teaching materials"},
	{"стереотипы о роли женщины часто повторяются в рекламе и на телевидении", "аялдын ролу тууралуу стереотиптер жарнамада жана телевидениеде көп кайталанат", "stereotypes about the role of women are often repeated in advertising and on television"},
	{"девушки из отдалённых сёл реже поступают в университеты", "алыскы айылдардын кыздары университеттерге сейрек тапшырышат", "young women from remote villages are less likely to go to university"},
	{"семьи трудовых мигрантов нуждаются в особой поддержке", "эмгек мигранттарынын үй-бүлөлөрү өзгөчө колдоого муктаж", "the families of labour migrants need particular support"},
	{"журналистам не хватает времени и ресурсов для глубоких материалов", "журналисттерге терең материалдар үчүн убакыт жана каражат жетишпейт", "journalists lack the time and resources for in-depth stories"},
	{"совместная работа государства и гражданского общества даёт лучшие результаты", "мамлекет менен жарандык коомдун биргелешкен иши жакшы натыйжа берет", "joint work by the state and civil society brings the best results"},
	{"о домашнем насилии всё ещё говорят неохотно", "үй-бүлөлүк зомбулук тууралуу дагы эле каалабай сүйлөшөт", "people are still reluctant to talk about domestic violence"},
	{"учебники нуждаются в гендерной экспертизе", "окуу китептерин гендердик экспертизадан өткөрүү зарыл", "textbooks need a gender review"},
	{"молодёжь не всегда проверяет информацию в социальных сетях", "жаштар социалдык тармактардагы маалыматты дайыма эле текшере бербейт", "young people do not always check what they read on social media"},
}

// quotes, each ending with a full stop.
var quotes = []tri{
	{"Когда женщины участвуют в принятии решений, выигрывает всё общество.", "Аялдар чечим кабыл алууга катышканда, бүт коом утат.", "When women take part in decision-making, the whole of society gains."},
	{"Журналисты могут менять стереотипы, если сами замечают их в своих текстах.", "Журналисттер стереотиптерди өз макалаларынан байкай алышса, аларды өзгөртө алышат.", "Journalists can change stereotypes if they notice them in their own stories."},
	{"Мы видим, что девочки в сёлах хотят учиться дальше, и наша задача — их поддержать.", "Айылдардагы кыздардын андан ары окугусу келерин көрүп жатабыз, биздин милдетибиз — аларды колдоо.", "We see that girls in villages want to continue their studies, and our task is to support them."},
	{"Равенство начинается со школы, с того, как учитель говорит с детьми.", "Теңчилик мектептен, мугалимдин балдар менен кандай сүйлөшкөнүнөн башталат.", "Equality begins at school, with the way a teacher speaks to children."},
	{"Этот тренинг дал мне инструменты, которые я сразу смогу применить в работе.", "Бул тренинг мага ишимде дароо колдоно турган куралдарды берди.", "This training gave me tools that I can use in my work straight away."},
	{"Нам важно, чтобы голоса женщин из регионов звучали в национальных СМИ.", "Аймактардагы аялдардын үнү улуттук маалымат каражаттарында угулушу биз үчүн маанилүү.", "It matters to us that the voices of women from the regions are heard in the national media."},
	{"Государственные органы готовы работать вместе с гражданским обществом.", "Мамлекеттик органдар жарандык коом менен бирге иштөөгө даяр.", "Government bodies are ready to work together with civil society."},
	{"Каждая история, рассказанная честно и с уважением, меняет отношение людей.", "Ак ниеттүүлүк жана урмат менен айтылган ар бир окуя адамдардын көз карашын өзгөртөт.", "Every story told honestly and with respect changes how people think."},
	{"Без равного доступа к образованию невозможно устойчивое развитие.", "Билимге бирдей жетүү мүмкүнчүлүгү болбосо, туруктуу өнүгүү мүмкүн эмес.", "Sustainable development is impossible without equal access to education."},
	{"Мы продолжим эту работу во всех областях страны.", "Бул ишти өлкөнүн бардык облустарында улантабыз.", "We will continue this work in every region of the country."},
	{"Молодёжь лучше всех понимает, как говорить о равенстве понятным языком.", "Теңчилик жөнүндө түшүнүктүү тилде кантип сүйлөө керектигин жаштар баарынан жакшы билишет.", "Young people understand best how to talk about equality in plain language."},
	{"Закон даёт женщинам и мужчинам равные права, но на практике предстоит сделать ещё многое.", "Мыйзам аялдарга жана эркектерге бирдей укук берет, бирок иш жүзүндө дагы көп иш жасалышы керек.", "The law gives women and men equal rights, but in practice much remains to be done."},
	{"Нам нужны истории реальных женщин, а не абстрактные цифры.", "Бизге жалаң сандар эмес, чыныгы аялдардын окуялары керек.", "We need the stories of real women, not abstract figures."},
	{"Девочки должны знать, что могут выбрать любую профессию.", "Кыздар каалаган кесипти тандай аларын билиши керек.", "Girls should know that they can choose any profession."},
	{"Мы впервые собрали за одним столом чиновников, журналистов и активисток.", "Биз биринчи жолу аткаминерлерди, журналисттерди жана активисттерди бир столго чогулттук.", "For the first time we brought officials, journalists and activists to one table."},
	{"Перемены происходят медленно, но они уже заметны.", "Өзгөрүүлөр жай жүрүп жатат, бирок алар азыр эле байкалып турат.", "Change is slow, but it is already visible."},
}

// speaker is someone quoted; fem selects the Russian verb form.
type speaker struct {
	ru  string
	fem bool
	ky  string
	en  string
}

var speakers = []speaker{
	{"координатор проекта Айгуль Осмонова", true, "долбоордун координатору Айгүл Осмонова", "project coordinator Aigul Osmonova"},
	{"журналистка Жылдыз Токтогулова", true, "журналист Жылдыз Токтогулова", "journalist Jyldyz Toktogulova"},
	{"тренер Нурлан Абдыкадыров", false, "тренер Нурлан Абдыкадыров", "trainer Nurlan Abdykadyrov"},
	{"эксперт по гендерным вопросам Чолпон Жумабаева", true, "гендердик маселелер боюнча эксперт Чолпон Жумабаева", "gender expert Cholpon Jumabaeva"},
	{"учительница из Нарына Гульнара Асанова", true, "нарындык мугалим Гүлнара Асанова", "Naryn teacher Gulnara Asanova"},
	{"представитель министерства Бакыт Сыдыков", false, "министрликтин өкүлү Бакыт Сыдыков", "ministry representative Bakyt Sydykov"},
	{"студентка Айпери Мамытова", true, "студент Айпери Мамытова", "student Aiperi Mamytova"},
	{"депутат местного кенеша Эрлан Турдубаев", false, "жергиликтүү кеңештин депутаты Эрлан Турдубаев", "local council member Erlan Turdubaev"},
	{"редактор районной газеты Назира Бекова", true, "райондук гезиттин редактору Назира Бекова", "district newspaper editor Nazira Bekova"},
	{"активистка Бермет Садыкова", true, "активист Бермет Садыкова", "activist Bermet Sadykova"},
	{"религиозный лидер Азамат Бейшеналиев", false, "диний лидер Азамат Бейшеналиев", "religious leader Azamat Beishenaliev"},
}

// saying is a verb of speech after a quote.
type saying struct{ ruM, ruF, ky, en string }

var sayings = []saying{
	{"отметил", "отметила", "белгиледи", "noted"},
	{"подчеркнул", "подчеркнула", "баса белгиледи", "stressed"},
	{"сказал", "сказала", "деди", "said"},
	{"добавил", "добавила", "кошумчалады", "added"},
}

// context sentences fill the body around the lead, the quotes and the
// claims. Those with a topic placeholder may be used twice in one item,
// with different topics.
var contexts = []tri{
	{"Эксперты отмечают, что тема {gen} по-прежнему редко звучит в региональных СМИ.", "Эксперттердин айтымында, {t} темасы аймактык басылмаларда дагы эле сейрек көтөрүлөт.", "Experts note that {t} is still rarely discussed in the regional media."},
	{"Участники обсудили, как органы власти и гражданское общество могут вместе работать в сфере {gen}.", "Катышуучулар бийлик органдары менен жарандык коом {t} жаатында кантип бирге иштей аларын талкуулашты.", "Participants discussed how the authorities and civil society can work together on {t}."},
	{"Особое внимание было уделено {dat} в сельской местности.", "Айыл жериндеги {t} маселесине өзгөчө көңүл бурулду.", "Particular attention was paid to {t} in rural areas."},
	{"По итогам встречи участники подготовили рекомендации для {recipient}.", "Жолугушуунун жыйынтыгында катышуучулар {recipient} сунуштарды даярдашты.", "Following the meeting, participants drafted recommendations for {recipient}."},
	{"Материалы мероприятия будут опубликованы на сайте проекта на русском, кыргызском и английском языках.", "Иш-чаранын материалдары долбоордун сайтында кыргыз, орус жана англис тилдеринде жарыяланат.", "The materials of the event will be published on the project website in Russian, Kyrgyz and English."},
	{"Мероприятие прошло при поддержке Европейского союза в рамках проекта «ДаткАйым».", "Иш-чара «ДаткАйым» долбоорунун алкагында Европа Биримдигинин колдоосу менен өттү.", "The event was supported by the European Union as part of the HERo project."},
	{"Следующая встреча запланирована {place} в следующем месяце.", "Кийинки жолугушуу келерки айда {place} өтөт.", "The next meeting is planned in {place} next month."},
	{"По словам организаторов, интерес к теме {gen} растёт с каждым годом.", "Уюштуруучулардын айтымында, {t} темасына кызыгуу жылдан жылга өсүүдө.", "According to the organisers, interest in {t} grows every year."},
	{"Многие участники впервые обсуждали эти вопросы открыто.", "Катышуучулардын көбү бул маселелерди биринчи жолу ачык талкуулашты.", "Many participants discussed these questions openly for the first time."},
	{"Тренеры использовали примеры из местной прессы и социальных сетей.", "Тренерлер жергиликтүү басма сөздөн жана социалдык тармактардан мисалдарды колдонушту.", "The trainers used examples from the local press and social media."},
	{"Работа велась на русском и кыргызском языках.", "Иш кыргыз жана орус тилдеринде жүргүзүлдү.", "The work was conducted in Kyrgyz and Russian."},
	{"После обсуждения участники разделились на группы и подготовили собственные предложения.", "Талкуудан кийин катышуучулар топторго бөлүнүп, өз сунуштарын даярдашты.", "After the discussion, participants split into groups and prepared their own proposals."},
	{"Представители государственных органов рассказали о мерах, которые уже принимаются в сфере {gen}.", "Мамлекеттик органдардын өкүлдөрү {t} жаатында буга чейин көрүлүп жаткан чаралар тууралуу айтып беришти.", "Representatives of government bodies spoke about the measures already being taken on {t}."},
	{"Журналисты получили возможность задать вопросы экспертам и чиновникам.", "Журналисттер эксперттерге жана аткаминерлерге суроо берүү мүмкүнчүлүгүн алышты.", "Journalists had the opportunity to put questions to experts and officials."},
	{"Организаторы планируют провести похожие встречи во всех областях страны.", "Уюштуруучулар ушундай жолугушууларды өлкөнүн бардык облустарында өткөрүүнү пландап жатышат.", "The organisers plan to hold similar meetings in every region of the country."},
	{"Итоги работы будут представлены на национальной конференции в Бишкеке.", "Иштин жыйынтыктары Бишкекте өтө турган улуттук конференцияда сунушталат.", "The results will be presented at a national conference in Bishkek."},
	{"Участникам вручили сертификаты и методические материалы.", "Катышуучуларга сертификаттар жана усулдук материалдар тапшырылды.", "Participants received certificates and teaching materials."},
	{"Особый интерес вызвала дискуссия о роли СМИ в формировании общественного мнения.", "Коомдук пикирди калыптандыруудагы маалымат каражаттарынын ролу тууралуу талкуу өзгөчө кызыгуу жаратты.", "A discussion of the media's role in shaping public opinion drew particular interest."},
	{"По данным организаторов, более половины участников составили женщины.", "Уюштуруучулардын маалыматы боюнча, катышуучулардын жарымынан көбүн аялдар түздү.", "According to the organisers, more than half of the participants were women."},
	{"Местные власти {place} пообещали поддержать инициативы участников.", "{placeattr} жергиликтүү бийлик катышуучулардын демилгелерин колдоого убада берди.", "The local authorities in {place} promised to support the participants' initiatives."},
	{"Вопросы {gen} включены в план работы на следующий год.", "{T} маселелери кийинки жылдын иш планына киргизилди.", "Questions of {t} have been included in next year's work plan."},
	{"Родители и учителя договорились продолжить диалог в школах.", "Ата-энелер жана мугалимдер мектептерде диалогду улантууга макулдашышты.", "Parents and teachers agreed to continue the dialogue in schools."},
	{"Многие сельские женщины впервые узнали о своих правах.", "Көптөгөн айыл аялдары өз укуктары тууралуу биринчи жолу билишти.", "Many rural women learned about their rights for the first time."},
	{"Запись мероприятия доступна на странице проекта в социальных сетях.", "Иш-чаранын жазуусу долбоордун социалдык тармактардагы баракчасында жеткиликтүү.", "A recording of the event is available on the project's social media page."},
	{"Участники также говорили о том, как освещать тему {gen} без стереотипов и погони за сенсацией.", "Катышуучулар ошондой эле {t} темасын стереотиптерсиз жана сенсацияга кызыкпай кантип чагылдыруу керектиги тууралуу сүйлөшүштү.", "Participants also talked about how to cover {t} without stereotypes or sensationalism."},
	{"Эксперты напомнили, что Кыргызстан взял на себя международные обязательства в сфере {gen}.", "Эксперттер Кыргызстан {t} жаатында эл аралык милдеттенмелерди алганын эске салышты.", "Experts recalled that Kyrgyzstan has made international commitments on {t}."},
	{"Тема {gen} остаётся одной из приоритетных для проекта.", "{T} темасы долбоор үчүн артыкчылыктуу темалардын бири бойдон калууда.", "{T} remains one of the project's priorities."},
	{"Участники поделились историями из собственной жизни и работы.", "Катышуучулар өз жашоосунан жана ишинен окуялар менен бөлүшүштү.", "Participants shared stories from their own lives and work."},
	{"Отдельная сессия была посвящена {dat}.", "Өзүнчө сессия {t} маселесине арналды.", "A separate session was devoted to {t}."},
	{"В ходе встречи прозвучали конкретные предложения по изменению местных программ.", "Жолугушуунун жүрүшүндө жергиликтүү программаларды өзгөртүү боюнча конкреттүү сунуштар айтылды.", "Specific proposals for changing local programmes were made during the meeting."},
	{"Организаторы подчеркнули, что все материалы доступны бесплатно.", "Уюштуруучулар бардык материалдар акысыз жеткиликтүү экенин баса белгилешти.", "The organisers stressed that all materials are available free of charge."},
	{"Участникам из отдалённых сёл компенсировали расходы на дорогу.", "Алыскы айылдардан келген катышуучулардын жол чыгымдары кайтарылып берилди.", "Participants from remote villages had their travel costs reimbursed."},
	{"Следующий этап работы будет посвящён {dat} в школах.", "Иштин кийинки баскычы мектептердеги {t} маселесине арналат.", "The next stage of the work will focus on {t} in schools."},
	{"Опрос участников показал высокий интерес к продолжению обучения.", "Катышуучулар арасында жүргүзүлгөн сурамжылоо окууну улантууга кызыгуу жогору экенин көрсөттү.", "A survey of participants showed strong interest in further training."},
	{"Участники говорили о том, как вовлечь в эту работу мужчин и мальчиков.", "Катышуучулар бул ишке эркектерди жана балдарды кантип тартуу керектиги тууралуу сүйлөшүштү.", "Participants talked about how to involve men and boys in this work."},
	{"Для многих это была первая возможность обменяться опытом с коллегами из других регионов.", "Көптөр үчүн бул башка аймактардагы кесиптештери менен тажрыйба алмашуунун биринчи мүмкүнчүлүгү болду.", "For many, it was the first chance to exchange experience with colleagues from other regions."},
	{"Организаторы собрали отзывы участников, чтобы учесть их в следующих программах.", "Уюштуруучулар катышуучулардын пикирлерин кийинки программаларда эске алуу үчүн чогултушту.", "The organisers collected feedback from participants to take it into account in future programmes."},
	{"Отдельно обсуждались примеры удачных публикаций о женщинах-лидерах.", "Аял лидерлер тууралуу ийгиликтүү макалалардын мисалдары өзүнчө талкууланды.", "Examples of successful stories about women leaders were discussed separately."},
	{"Участники познакомились с национальным законодательством в сфере {gen}.", "Катышуучулар {t} жаатындагы улуттук мыйзамдар менен таанышышты.", "Participants learned about national legislation on {t}."},
	{"Приглашённые эксперты ответили на вопросы {o}.", "Чакырылган эксперттер {t} тууралуу суроолорго жооп беришти.", "Invited experts answered questions about {t}."},
	{"Вечером участники посмотрели документальный фильм и обсудили его с режиссёром.", "Кечинде катышуучулар даректүү тасманы көрүп, аны режиссёр менен талкуулашты.", "In the evening, participants watched a documentary film and discussed it with its director."},
	{"Школьные психологи рассказали, как распознать признаки насилия в семье.", "Мектеп психологдору үй-бүлөдөгү зомбулуктун белгилерин кантип тааныса болорун айтып беришти.", "School psychologists explained how to recognise the signs of violence in the family."},
	{"Участники договорились создать общий чат для обмена новостями и материалами.", "Катышуучулар жаңылыктар жана материалдар менен алмашуу үчүн жалпы чат түзүүгө макулдашышты.", "Participants agreed to set up a shared chat to exchange news and materials."},
	{"Представители местных кенешей предложили включить эти вопросы в программы развития сёл.", "Жергиликтүү кеңештердин өкүлдөрү бул маселелерди айылдарды өнүктүрүү программаларына киргизүүнү сунушташты.", "Representatives of local councils proposed including these issues in village development programmes."},
	{"Итоги встречи будут обсуждены на заседании Консультативного совета проекта.", "Жолугушуунун жыйынтыктары долбоордун Консультативдик кеңешинин жыйынында талкууланат.", "The outcome of the meeting will be discussed at a session of the project's Advisory Council."},
	{"Каждый участник подготовил план собственной инициативы в сфере {gen}.", "Ар бир катышуучу {t} жаатында өз демилгесинин планын даярдады.", "Each participant prepared a plan for an initiative of their own on {t}."},
	{"Встреча проходила в интерактивном формате, с играми и разбором реальных случаев.", "Жолугушуу интерактивдүү форматта, оюндар жана чыныгы окуяларды талдоо менен өттү.", "The meeting was interactive, with games and the analysis of real cases."},
}

// list paragraphs: an introduction and items in the nominative.
var listIntros = []tri{
	{"Программа включала:", "Программага төмөнкүлөр кирди:", "The programme included:"},
	{"В программе:", "Программада:", "On the programme:"},
}

var listItems = []tri{
	{"практические упражнения по написанию новостей", "жаңылык жазуу боюнча практикалык көнүгүүлөр", "practical exercises in news writing"},
	{"разбор публикаций региональных СМИ", "аймактык басылмалардын макалаларын талдоо", "a review of articles from the regional media"},
	{"встреча с представителями государственных органов", "мамлекеттик органдардын өкүлдөрү менен жолугушуу", "a meeting with representatives of government bodies"},
	{"работа в малых группах", "чакан топтордо иштөө", "work in small groups"},
	{"презентация результатов исследования", "изилдөөнүн жыйынтыктарын тааныштыруу", "a presentation of research findings"},
	{"просмотр и обсуждение документального фильма", "даректүү тасманы көрүү жана талкуулоо", "a screening and discussion of a documentary film"},
	{"обмен опытом между регионами", "аймактар ортосунда тажрыйба алмашуу", "an exchange of experience between regions"},
	{"консультации юристов", "юристтердин кеңештери", "consultations with lawyers"},
	{"лекция {o}", "{t} тууралуу лекция", "a lecture on {t}"},
	{"подготовка плана действий на год", "бир жылга иш-аракет планын даярдоо", "drafting an action plan for the year"},
}
