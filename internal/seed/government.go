package seed

import "github.com/datka-cms/datka/internal/content"

// governmentMeta is the Meta of one language's text of a government body.
// Russian and Kyrgyz texts await a native speaker's review.
func governmentMeta(lang string) content.Meta {
	return content.Meta{
		Lang:              lang,
		Status:            content.StatusPublished,
		NeedsNativeReview: lang != "en",
	}
}

// governmentBodies returns the government bodies the project works with, in
// the order of the client's partners page. The page's headings carry the
// bodies' current names and its text sometimes the former ones; both are
// kept.
func governmentBodies() []content.Organisation {
	return []content.Organisation{
		ministryOfLabour(),
		ministryOfEducation(),
		ministryOfCulture(),
		civilServiceAgency(),
		religiousAffairsCommission(),
	}
}

func ministryOfLabour() content.Organisation {
	return content.Organisation{
		Key:      "ministry-of-labour",
		Kind:     content.KindGovernment,
		Role:     content.RoleGovernment,
		Website:  "https://mlsp.gov.kg",
		Position: 10,
		Texts: map[string]content.OrgText{
			"ru": {
				Meta: governmentMeta("ru"),
				Name: "Министерство труда, социального обеспечения и миграции Кыргызской Республики",
				FormerNames: []string{
					"Министерство труда и социального развития Кыргызской Республики",
				},
				Summary:     "Центральный исполнительный орган, проводящий государственную политику в сфере труда, оплаты труда, пенсионного обеспечения и социальной защиты населения, включая поддержку семьи, детей и граждан пожилого возраста.",
				Description: `Министерство труда и социального развития Кыргызской Республики (ныне — Министерство труда, социального обеспечения и миграции Кыргызской Республики) является центральным исполнительным органом государственной власти, проводящим государственную политику и осуществляющим управление в сфере социального развития и труда, в том числе по вопросам повышения уровня жизни и доходов населения, оплаты труда, пенсионного и социального обеспечения, условий и безопасности труда, социального партнёрства и трудовых отношений, демографической политики, социальной защиты населения, включая поддержку семьи и детей, граждан пожилого возраста, а также координирующим деятельность других государственных органов в этих сферах.`,
				Sections: []content.Section{{
					Heading: "Основные задачи",
					Intro:   "Министерство решает следующие основные задачи:",
					Items: []string{
						"Разработка и реализация государственной социальной политики в сфере социального развития и труда, оплаты труда, социального партнёрства и трудовых отношений, социальной защиты населения, пенсионного и социального обеспечения, поддержки семьи и детей, граждан пожилого возраста, демографии в рамках основных направлений деятельности Правительства Кыргызской Республики",
						"Корректировка и реализация основных направлений и приоритетов государственной социальной политики, координация и методическое обеспечение реализации программ социального развития, координация деятельности в области труда и охраны труда",
						"Совершенствование законодательства в сфере труда, охраны и условий труда, социальной защиты, социального и пенсионного обеспечения населения, разработка социальных норм и минимальных социальных стандартов в пределах своей компетенции",
						"Разработка и реализация мер по повышению уровня жизни и доходов населения, совершенствованию организации оплаты труда, системы государственных пособий и компенсационных выплат, а также по развитию пенсионного обеспечения",
						"Определение путей и разработка эффективных методов реализации конституционного права граждан на труд в условиях, отвечающих требованиям безопасности, охраны труда и гигиены",
						"Осуществление политики социального обеспечения граждан в случае болезни и инвалидности, беременности и родов, производственной травмы и профессионального заболевания, а также принятие мер по оздоровлению работающих граждан и членов их семей",
						"Реформирование социальных услуг и инспектирование социальных служб в сфере социальной защиты, здравоохранения и образования, а также мониторинг предоставления услуг неправительственными организациями",
						"Совершенствование правовой и организационной базы привлечения, учёта и распределения гуманитарной помощи, координация организации гуманитарной помощи",
					},
				}},
				WebsiteLabel: "Сайт Министерства труда, социального обеспечения и миграции Кыргызской Республики",
			},
			"ky": {
				Meta: governmentMeta("ky"),
				Name: "Кыргыз Республикасынын Эмгек, социалдык камсыздоо жана миграция министрлиги",
				FormerNames: []string{
					"Кыргыз Республикасынын Эмгек жана социалдык өнүктүрүү министрлиги",
				},
				Summary:     "Эмгек, эмгек акы, пенсиялык камсыздоо жана калкты социалдык коргоо чөйрөсүндө мамлекеттик саясатты жүргүзгөн борбордук аткаруу органы. Үй-бүлөнү, балдарды жана улгайган жарандарды колдоо да анын милдеттерине кирет.",
				Description: `Кыргыз Республикасынын Эмгек жана социалдык өнүктүрүү министрлиги (азыркы аталышы — Кыргыз Республикасынын Эмгек, социалдык камсыздоо жана миграция министрлиги) социалдык өнүктүрүү жана эмгек чөйрөсүндө мамлекеттик саясатты жүргүзгөн жана башкарууну жүзөгө ашырган мамлекеттик аткаруу бийлигинин борбордук органы болуп саналат. Ал калктын жашоо деңгээлин жана кирешелерин жогорулатуу, эмгек акы, пенсиялык жана социалдык камсыздоо, эмгектин шарттары жана коопсуздугу, социалдык өнөктөштүк жана эмгек мамилелери, демографиялык саясат, калкты социалдык коргоо, анын ичинде үй-бүлөнү жана балдарды, улгайган жарандарды колдоо маселелери менен алектенет, ошондой эле бул чөйрөлөрдө башка мамлекеттик органдардын ишин координациялайт.`,
				Sections: []content.Section{{
					Heading: "Негизги милдеттери",
					Intro:   "Министрлик төмөнкү негизги милдеттерди чечет:",
					Items: []string{
						"Кыргыз Республикасынын Өкмөтүнүн ишинин негизги багыттарынын алкагында социалдык өнүктүрүү жана эмгек, эмгек акы, социалдык өнөктөштүк жана эмгек мамилелери, калкты социалдык коргоо, пенсиялык жана социалдык камсыздоо, үй-бүлөнү жана балдарды, улгайган жарандарды колдоо, демография чөйрөсүндө мамлекеттик социалдык саясатты иштеп чыгуу жана ишке ашыруу",
						"Мамлекеттик социалдык саясаттын негизги багыттарын жана артыкчылыктарын тактоо жана ишке ашыруу, социалдык өнүктүрүү программаларын ишке ашырууну координациялоо жана методикалык жактан камсыз кылуу, эмгек жана эмгекти коргоо жаатындагы ишти координациялоо",
						"Эмгек, эмгекти коргоо жана эмгек шарттары, социалдык коргоо, калкты социалдык жана пенсиялык камсыздоо чөйрөсүндөгү мыйзамдарды өркүндөтүү, өз компетенциясынын чегинде социалдык ченемдерди жана минималдык социалдык стандарттарды иштеп чыгуу",
						"Калктын жашоо деңгээлин жана кирешелерин жогорулатуу, эмгек акы төлөөнү уюштурууну, мамлекеттик жөлөкпулдардын жана компенсациялык төлөмдөрдүн системасын өркүндөтүү, ошондой эле пенсиялык камсыздоону өнүктүрүү боюнча чараларды иштеп чыгуу жана ишке ашыруу",
						"Жарандардын коопсуздук, эмгекти коргоо жана гигиена талаптарына жооп берген шарттарда эмгектенүүгө болгон конституциялык укугун ишке ашыруунун жолдорун аныктоо жана натыйжалуу ыкмаларын иштеп чыгуу",
						"Жарандарды ооруганда жана майып болгондо, кош бойлуулук жана төрөт учурунда, өндүрүштө жаракат алганда жана кесиптик ооруга чалдыкканда социалдык камсыздоо саясатын ишке ашыруу, ошондой эле иштеген жарандардын жана алардын үй-бүлө мүчөлөрүнүн ден соолугун чыңдоо боюнча чараларды көрүү",
						"Социалдык кызмат көрсөтүүлөрдү реформалоо, социалдык коргоо, саламаттыкты сактоо жана билим берүү чөйрөсүндөгү социалдык кызматтарды инспекциялоо, ошондой эле өкмөттүк эмес уюмдардын кызмат көрсөтүүсүнө мониторинг жүргүзүү",
						"Гуманитардык жардамды тартуунун, эсепке алуунун жана бөлүштүрүүнүн укуктук жана уюштуруучулук негиздерин өркүндөтүү, гуманитардык жардамды уюштурууну координациялоо",
					},
				}},
				WebsiteLabel: "Кыргыз Республикасынын Эмгек, социалдык камсыздоо жана миграция министрлигинин сайты",
			},
			"en": {
				Meta: governmentMeta("en"),
				Name: "Ministry of Labor, Social Support and Migration of the Kyrgyz Republic",
				FormerNames: []string{
					"Ministry of Labor and Social Development of the Kyrgyz Republic",
				},
				Summary:     "The central executive body that conducts state policy on labor, wages, pensions and the social protection of the population, including support for families, children and senior citizens.",
				Description: `The Ministry of Labor and Social Development of the Kyrgyz Republic (now the Ministry of Labor, Social Support and Migration) is the central executive body of state power that conducts state policy and exercises administration in the field of social development and labor, including issues of improving the living standards and incomes of the population, wages, pension and social security, labor conditions and safety, social partnership and labor relations, demographic policy, and social protection of the population, including support for families and children and senior citizens, and that coordinates the activities of other government bodies in these areas.`,
				Sections: []content.Section{{
					Heading: "Main tasks",
					Intro:   "The Ministry carries out the following main tasks:",
					Items: []string{
						"Development and implementation of state social policy in the field of social development and labor, wages, social partnership and labor relations, social protection of the population, pension and social security, support for families and children and senior citizens, and demography, within the framework of the main activities of the Government of the Kyrgyz Republic",
						"Adjustment and implementation of the main directions and priorities of state social policy, coordination and methodological support for the implementation of social development programs, and coordination of activities in the field of labor and labor protection",
						"Improvement of legislation in the field of labor, labor protection and working conditions, social protection, and social and pension security of the population, and development of social norms and minimum social standards within its competence",
						"Development and implementation of measures to improve the living standards and incomes of the population, to improve the organization of wages and the system of state benefits and compensation payments, and to develop pension provision",
						"Determination of ways and development of effective methods for the implementation of the constitutional right of citizens to work in conditions that meet the requirements of safety, security and hygiene",
						"Implementation of the policy of social security of citizens in the event of illness and disability, pregnancy and childbirth, industrial injury and occupational disease, as well as taking measures to improve the health of working citizens and members of their families",
						"Reforming social services and inspecting social services in the fields of social protection, health care and education, as well as monitoring the provision of services by non-governmental organizations",
						"Improving the legal and organizational framework for attracting, accounting for and distributing humanitarian aid, and coordinating the organization of humanitarian aid",
					},
				}},
				WebsiteLabel: "Website of the Ministry of Labor, Social Support and Migration of the Kyrgyz Republic",
			},
		},
	}
}

func ministryOfEducation() content.Organisation {
	return content.Organisation{
		Key:      "ministry-of-education",
		Kind:     content.KindGovernment,
		Role:     content.RoleGovernment,
		Website:  "https://edu.gov.kg",
		Position: 11,
		Texts: map[string]content.OrgText{
			"ru": {
				Meta:    governmentMeta("ru"),
				Name:    "Министерство образования и науки Кыргызской Республики",
				Summary: "Центральный исполнительный орган, который формирует и проводит государственную политику в сфере образования и науки и обеспечивает конституционное право граждан на образование.",
				Description: `Министерство образования и науки Кыргызской Республики — центральный исполнительный орган, который проводит государственную политику и осуществляет управление в сфере образования и науки, а также государственный контроль за доступностью и качеством образования, обеспечивая конституционное право граждан Кыргызской Республики на образование.

Министерство осуществляет свою деятельность во взаимодействии с другими органами исполнительной власти, органами местного самоуправления, общественными объединениями, научными и иными организациями.

Основная цель Министерства — формирование государственной политики в сфере образования, науки и научно-технической деятельности.`,
				Sections: []content.Section{{
					Heading: "Основные задачи",
					Intro:   "Основными задачами Министерства являются:",
					Items: []string{
						"Создание системы образования, направленной на формирование, развитие и профессиональное становление личности",
						"Повышение качества образования",
						"Создание условий и механизмов для развития научной деятельности",
					},
				}},
				WebsiteLabel: "Сайт Министерства образования и науки Кыргызской Республики",
			},
			"ky": {
				Meta:    governmentMeta("ky"),
				Name:    "Кыргыз Республикасынын Билим берүү жана илим министрлиги",
				Summary: "Билим берүү жана илим чөйрөсүндө мамлекеттик саясатты калыптандырган жана жүргүзгөн, жарандардын билим алууга болгон конституциялык укугун камсыз кылган борбордук аткаруу органы.",
				Description: `Кыргыз Республикасынын Билим берүү жана илим министрлиги — билим берүү жана илим чөйрөсүндө мамлекеттик саясатты жүргүзгөн жана башкарууну жүзөгө ашырган, билим берүүнүн жеткиликтүүлүгүнө жана сапатына мамлекеттик көзөмөлдү ишке ашырган, Кыргыз Республикасынын жарандарынын билим алууга болгон конституциялык укугун камсыз кылган борбордук аткаруу органы.

Министрлик өз ишин аткаруу бийлигинин башка органдары, жергиликтүү өз алдынча башкаруу органдары, коомдук бирикмелер, илимий жана башка уюмдар менен өз ара аракеттенүү аркылуу жүргүзөт.

Министрликтин негизги максаты — билим берүү, илим жана илимий-техникалык ишмердүүлүк чөйрөсүндө мамлекеттик саясатты калыптандыруу.`,
				Sections: []content.Section{{
					Heading: "Негизги милдеттери",
					Intro:   "Министрликтин негизги милдеттери төмөнкүлөр:",
					Items: []string{
						"Инсандын калыптанышына, өнүгүшүнө жана кесиптик өсүшүнө багытталган билим берүү системасын түзүү",
						"Билим берүүнүн сапатын жогорулатуу",
						"Илимий ишмердүүлүктү өнүктүрүү үчүн шарттарды жана механизмдерди түзүү",
					},
				}},
				WebsiteLabel: "Кыргыз Республикасынын Билим берүү жана илим министрлигинин сайты",
			},
			"en": {
				Meta:    governmentMeta("en"),
				Name:    "Ministry of Education and Science of the Kyrgyz Republic",
				Summary: "The central executive body that shapes and conducts state policy in education and science and ensures the constitutional right of citizens to education.",
				Description: `The Ministry of Education and Science of the Kyrgyz Republic is the central executive body that conducts state policy and exercises management in the field of education and science, as well as state control over the availability and quality of education, ensuring the constitutional right of citizens of the Kyrgyz Republic to education.

The Ministry carries out its activities in cooperation with other executive bodies, local self-government bodies, public associations, and scientific and other organizations.

The main goal of the Ministry is the formation of state policy in the field of education, science and scientific and technical activities.`,
				Sections: []content.Section{{
					Heading: "Main tasks",
					Intro:   "The main tasks of the Ministry are:",
					Items: []string{
						"Creation of an education system aimed at the formation, development and professional development of the individual",
						"Improving the quality of education",
						"Creation of conditions and mechanisms for the development of scientific activity",
					},
				}},
				WebsiteLabel: "Website of the Ministry of Education and Science of the Kyrgyz Republic",
			},
		},
	}
}

func ministryOfCulture() content.Organisation {
	return content.Organisation{
		Key:      "ministry-of-culture",
		Kind:     content.KindGovernment,
		Role:     content.RoleGovernment,
		Website:  "https://minculture.gov.kg",
		Position: 12,
		Texts: map[string]content.OrgText{
			"ru": {
				Meta: governmentMeta("ru"),
				Name: "Министерство культуры, информации, спорта и молодёжной политики Кыргызской Республики",
				FormerNames: []string{
					"Министерство культуры, информации и туризма Кыргызской Республики",
				},
				Summary:     "Центральный государственный орган исполнительной власти, отвечающий за государственную политику в сфере культуры и информации, в том числе за сохранение историко-культурного наследия, развитие народного творчества и средств массовой информации.",
				Description: `Министерство культуры, информации и туризма Кыргызской Республики (ныне — Министерство культуры, информации, спорта и молодёжной политики Кыргызской Республики) является центральным государственным органом исполнительной власти, уполномоченным осуществлять государственную политику в сфере культуры, информации и туризма. Целью Министерства является устойчивое развитие сферы культуры, информации и туризма.`,
				Sections: []content.Section{{
					Heading: "Основные задачи",
					Intro:   "Задачами Министерства в сфере культуры, информации и туризма являются:",
					Items: []string{
						"Реализация единой государственной политики в сферах культуры, информации и туризма",
						"Сохранение, использование и развитие историко-культурного наследия",
						"Создание условий для развития народного творчества, участия граждан в культурной жизни и организации досуга населения",
						"Обеспечение формирования единого информационного пространства в сферах культуры и информации в Кыргызской Республике",
						"Внесение предложений по созданию благоприятных условий для развития средств массовой информации, полиграфических предприятий, книгоиздания и распространения печатной продукции",
						"Внесение предложений по созданию благоприятных инвестиционных условий для развития туристских объектов и инфраструктуры",
						"Содействие повышению качества услуг, предоставляемых в сфере туризма",
						"Формирование и поддержка положительного имиджа Кыргызстана как страны, благоприятной для туризма",
					},
				}},
				WebsiteLabel: "Сайт Министерства культуры, информации, спорта и молодёжной политики Кыргызской Республики",
			},
			"ky": {
				Meta: governmentMeta("ky"),
				Name: "Кыргыз Республикасынын Маданият, маалымат, спорт жана жаштар саясаты министрлиги",
				FormerNames: []string{
					"Кыргыз Республикасынын Маданият, маалымат жана туризм министрлиги",
				},
				Summary:     "Маданият жана маалымат чөйрөсүндөгү мамлекеттик саясат, анын ичинде тарыхый-маданий мурасты сактоо, элдик чыгармачылыкты жана массалык маалымат каражаттарын өнүктүрүү үчүн жооптуу мамлекеттик аткаруу бийлигинин борбордук органы.",
				Description: `Кыргыз Республикасынын Маданият, маалымат жана туризм министрлиги (азыркы аталышы — Кыргыз Республикасынын Маданият, маалымат, спорт жана жаштар саясаты министрлиги) маданият, маалымат жана туризм чөйрөсүндө мамлекеттик саясатты жүргүзүүгө ыйгарым укук берилген мамлекеттик аткаруу бийлигинин борбордук органы болуп саналат. Министрликтин максаты — маданият, маалымат жана туризм чөйрөсүн туруктуу өнүктүрүү.`,
				Sections: []content.Section{{
					Heading: "Негизги милдеттери",
					Intro:   "Министрликтин маданият, маалымат жана туризм чөйрөсүндөгү милдеттери төмөнкүлөр:",
					Items: []string{
						"Маданият, маалымат жана туризм чөйрөлөрүндө бирдиктүү мамлекеттик саясатты ишке ашыруу",
						"Тарыхый-маданий мурасты сактоо, пайдалануу жана өнүктүрүү",
						"Элдик чыгармачылыкты өнүктүрүү, жарандардын маданий турмушка катышуусу жана калктын бош убактысын уюштуруу үчүн шарттарды түзүү",
						"Кыргыз Республикасында маданият жана маалымат чөйрөлөрүндө бирдиктүү маалыматтык мейкиндиктин түзүлүшүн камсыз кылуу",
						"Массалык маалымат каражаттарын, полиграфиялык ишканаларды, китеп басып чыгарууну жана басма продукциясын таратууну өнүктүрүү үчүн ыңгайлуу шарттарды түзүү боюнча сунуштарды киргизүү",
						"Туристтик объекттерди жана инфраструктураны өнүктүрүү үчүн ыңгайлуу инвестициялык шарттарды түзүү боюнча сунуштарды киргизүү",
						"Туризм тармагында көрсөтүлүүчү кызматтардын сапатын жогорулатууга көмөктөшүү",
						"Кыргызстандын туризм үчүн ыңгайлуу өлкө катары оң имиджин калыптандыруу жана колдоо",
					},
				}},
				WebsiteLabel: "Кыргыз Республикасынын Маданият, маалымат, спорт жана жаштар саясаты министрлигинин сайты",
			},
			"en": {
				Meta: governmentMeta("en"),
				Name: "Ministry of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic",
				FormerNames: []string{
					"Ministry of Culture, Information and Tourism of the Kyrgyz Republic",
				},
				Summary:     "The central state executive body responsible for state policy in culture and information, including the preservation of the historical and cultural heritage and the development of folk art and the media.",
				Description: `The Ministry of Culture, Information and Tourism of the Kyrgyz Republic (now the Ministry of Culture, Information, Sports and Youth Policy) is the central state executive body authorized to carry out state policy in the field of culture, information and tourism. The purpose of the Ministry is the sustainable development of the sphere of culture, information and tourism.`,
				Sections: []content.Section{{
					Heading: "Main tasks",
					Intro:   "The tasks of the Ministry in the field of culture, information and tourism are:",
					Items: []string{
						"Implementation of a unified state policy in the fields of culture, information and tourism",
						"Preservation, use and development of the historical and cultural heritage",
						"Creation of conditions for the development of folk art, the participation of citizens in cultural life and the organization of leisure activities for the population",
						"Ensuring the creation of a single information space in the spheres of culture and information in the Kyrgyz Republic",
						"Making proposals for creating favorable conditions for the development of the media, printing enterprises, book publishing and the distribution of printed products",
						"Making proposals for creating favorable investment conditions for the development of tourism facilities and infrastructure",
						"Promoting the growth of the quality of services provided by the tourism sector",
						"Formation and support of a positive image of Kyrgyzstan as a country favorable for tourism",
					},
				}},
				WebsiteLabel: "Website of the Ministry of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic",
			},
		},
	}
}

func civilServiceAgency() content.Organisation {
	return content.Organisation{
		Key:      "civil-service-agency",
		Kind:     content.KindGovernment,
		Role:     content.RoleGovernment,
		Website:  "https://mkk.gov.kg",
		Position: 13,
		Texts: map[string]content.OrgText{
			"ru": {
				Meta: governmentMeta("ru"),
				Name: "Государственное агентство по делам государственной службы и местного самоуправления при Кабинете министров Кыргызской Республики",
				FormerNames: []string{
					"Государственное агентство по делам местного самоуправления и межэтнических отношений при Правительстве Кыргызской Республики",
				},
				Summary:     "Государственное агентство при Кабинете министров, ведающее вопросами государственной службы и местного самоуправления. Оно содействует совершенствованию работы органов местного самоуправления и развитию межмуниципального сотрудничества.",
				Description: `Государственное агентство по делам местного самоуправления и межэтнических отношений при Правительстве Кыргызской Республики (ныне — Государственное агентство по делам государственной службы и местного самоуправления при Кабинете министров Кыргызской Республики) было образовано постановлением Правительства Кыргызской Республики от 5 марта 2013 года № 109 «О функциональных и структурных изменениях в системе государственных органов исполнительной власти Кыргызской Республики».`,
				Sections: []content.Section{{
					Heading: "Основные задачи",
					Intro:   "Основными задачами Агентства являются:",
					Items: []string{
						"Совершенствование и укрепление организационно-правовых и финансово-экономических основ местного самоуправления",
						"Совершенствование деятельности органов местного самоуправления, повышение их ответственности перед местным сообществом",
						"Защита охраняемых законом прав и интересов местного самоуправления",
						"Создание условий для межмуниципального сотрудничества",
						"Укрепление межэтнического согласия и общегражданской идентичности в Кыргызской Республике",
						"Принятие мер по свободному и равноправному развитию этнических групп в Кыргызской Республике и обеспечению их прав",
						"Создание условий для эффективного развития этнического многообразия",
					},
				}},
				WebsiteLabel: "Сайт Государственного агентства по делам государственной службы и местного самоуправления при Кабинете министров Кыргызской Республики",
			},
			"ky": {
				Meta: governmentMeta("ky"),
				Name: "Кыргыз Республикасынын Министрлер Кабинетине караштуу Мамлекеттик кызмат жана жергиликтүү өз алдынча башкаруу иштери боюнча мамлекеттик агенттик",
				FormerNames: []string{
					"Кыргыз Республикасынын Өкмөтүнө караштуу Жергиликтүү өз алдынча башкаруу жана этностор аралык мамилелер боюнча мамлекеттик агенттик",
				},
				Summary:     "Министрлер Кабинетине караштуу, мамлекеттик кызмат жана жергиликтүү өз алдынча башкаруу маселелери менен алектенген мамлекеттик агенттик. Ал жергиликтүү өз алдынча башкаруу органдарынын ишин өркүндөтүүгө жана муниципалитеттер аралык кызматташтыкты өнүктүрүүгө көмөктөшөт.",
				Description: `Кыргыз Республикасынын Өкмөтүнө караштуу Жергиликтүү өз алдынча башкаруу жана этностор аралык мамилелер боюнча мамлекеттик агенттик (азыркы аталышы — Кыргыз Республикасынын Министрлер Кабинетине караштуу Мамлекеттик кызмат жана жергиликтүү өз алдынча башкаруу иштери боюнча мамлекеттик агенттик) Кыргыз Республикасынын Өкмөтүнүн «Кыргыз Республикасынын аткаруу бийлигинин мамлекеттик органдарынын системасындагы функционалдык жана түзүмдүк өзгөртүүлөр жөнүндө» 2013-жылдын 5-мартындагы № 109 токтому менен түзүлгөн.`,
				Sections: []content.Section{{
					Heading: "Негизги милдеттери",
					Intro:   "Агенттиктин негизги милдеттери төмөнкүлөр:",
					Items: []string{
						"Жергиликтүү өз алдынча башкаруунун уюштуруучулук-укуктук жана финансылык-экономикалык негиздерин өркүндөтүү жана чыңдоо",
						"Жергиликтүү өз алдынча башкаруу органдарынын ишин өркүндөтүү, алардын жергиликтүү коомдоштуктун алдындагы жоопкерчилигин күчөтүү",
						"Жергиликтүү өз алдынча башкаруунун мыйзам менен корголуучу укуктарын жана кызыкчылыктарын коргоо",
						"Муниципалитеттер аралык кызматташтык үчүн шарттарды түзүү",
						"Кыргыз Республикасында этностор аралык ынтымакты жана жалпы жарандык иденттүүлүктү чыңдоо",
						"Кыргыз Республикасындагы этникалык топтордун эркин жана тең укуктуу өнүгүшү жана алардын укуктарын камсыз кылуу боюнча чараларды көрүү",
						"Этникалык ар түрдүүлүктүн натыйжалуу өнүгүшү үчүн шарттарды түзүү",
					},
				}},
				WebsiteLabel: "Кыргыз Республикасынын Министрлер Кабинетине караштуу Мамлекеттик кызмат жана жергиликтүү өз алдынча башкаруу иштери боюнча мамлекеттик агенттиктин сайты",
			},
			"en": {
				Meta: governmentMeta("en"),
				Name: "State Agency for Civil Service and Local Self-Government under the Cabinet of Ministers of the Kyrgyz Republic",
				FormerNames: []string{
					"State Agency for Local Self-Government and Interethnic Relations under the Government of the Kyrgyz Republic",
				},
				Summary:     "The state agency under the Cabinet of Ministers responsible for the civil service and local self-government. It works to improve the activities of local self-government bodies and to develop inter-municipal cooperation.",
				Description: `The State Agency for Local Self-Government and Interethnic Relations under the Government of the Kyrgyz Republic (now the State Agency for Civil Service and Local Self-Government under the Cabinet of Ministers of the Kyrgyz Republic) was established by Resolution No. 109 of the Government of the Kyrgyz Republic of March 5, 2013 “On functional and structural changes in the system of state executive bodies of the Kyrgyz Republic”.`,
				Sections: []content.Section{{
					Heading: "Main tasks",
					Intro:   "The main tasks of the Agency are:",
					Items: []string{
						"Improvement and strengthening of the organizational, legal, financial and economic foundations of local self-government",
						"Improving the activities of local self-government bodies and strengthening their responsibility to the local community",
						"Protection of the rights and interests of local self-government protected by law",
						"Creating conditions for inter-municipal cooperation",
						"Strengthening interethnic harmony and common civic identity in the Kyrgyz Republic",
						"Taking measures for the free and equal development of ethnic groups in the Kyrgyz Republic and ensuring their rights",
						"Creating conditions for the effective development of ethnic diversity",
					},
				}},
				WebsiteLabel: "Website of the State Agency for Civil Service and Local Self-Government under the Cabinet of Ministers of the Kyrgyz Republic",
			},
		},
	}
}

func religiousAffairsCommission() content.Organisation {
	return content.Organisation{
		Key:      "religious-affairs-commission",
		Kind:     content.KindGovernment,
		Role:     content.RoleGovernment,
		Website:  "https://religion.gov.kg",
		Position: 14,
		Texts: map[string]content.OrgText{
			"ru": {
				Meta:        governmentMeta("ru"),
				Name:        "Государственная комиссия по делам религий Кыргызской Республики",
				Summary:     "Центральный орган, который формирует и реализует государственную политику в религиозной сфере, обеспечивает свободу совести и вероисповедания и координирует работу государственных органов в этой области.",
				Description: `Государственная комиссия по делам религий Кыргызской Республики — центральный орган Кыргызской Республики, который формирует и реализует государственную политику в религиозной сфере и координирует деятельность государственных органов Кыргызской Республики в области религии.`,
				Sections: []content.Section{{
					Heading: "Основные задачи",
					Intro:   "Основными задачами Государственной комиссии являются:",
					Items: []string{
						"Разработка и реализация государственной политики в религиозной сфере",
						"Обеспечение прав граждан на свободу совести и вероисповедания, координация отношений государства с религиозными организациями в соответствии с положениями Конституции Кыргызской Республики, актами Президента и Правительства Кыргызской Республики и иными нормативными правовыми актами",
						"Обеспечение правовых гарантий свободы вероисповедания, дальнейшее совершенствование правового регулирования отношений между государством и религиозными организациями",
						"Координация деятельности государственных органов Кыргызской Республики в сфере религиозной политики",
						"Продвижение ценностей и принципов светского поликонфессионального общества",
						"Пресечение в соответствии с действующим законодательством деятельности религиозных организаций, наносящих вред или создающих угрозу здоровью, нравственности, правам и законным интересам граждан, основам конституционного строя, безопасности государства",
						"Взаимодействие с органами государственной власти в разработке профилактических мер по предупреждению религиозного экстремизма на территории республики",
						"Разработка и реализация программ, направленных на укрепление духовно-нравственных основ общества, предупреждение конфликтов и установление отношений взаимной терпимости между последователями различных религий и вероисповеданий",
						"Внесение предложений по совершенствованию законодательной базы в сфере реализации и соблюдения права человека на свободу вероисповедания",
					},
				}},
				WebsiteLabel: "Сайт Государственной комиссии по делам религий Кыргызской Республики",
			},
			"ky": {
				Meta:        governmentMeta("ky"),
				Name:        "Кыргыз Республикасынын Дин иштери боюнча мамлекеттик комиссиясы",
				Summary:     "Диний чөйрөдө мамлекеттик саясатты калыптандырган жана ишке ашырган, абийир эркиндигин жана дин тутуу эркиндигин камсыз кылган, бул жаатта мамлекеттик органдардын ишин координациялаган борбордук орган.",
				Description: `Кыргыз Республикасынын Дин иштери боюнча мамлекеттик комиссиясы — диний чөйрөдө мамлекеттик саясатты калыптандырган жана ишке ашырган, ошондой эле дин жаатында Кыргыз Республикасынын мамлекеттик органдарынын ишин координациялаган Кыргыз Республикасынын борбордук органы.`,
				Sections: []content.Section{{
					Heading: "Негизги милдеттери",
					Intro:   "Мамлекеттик комиссиянын негизги милдеттери төмөнкүлөр:",
					Items: []string{
						"Диний чөйрөдө мамлекеттик саясатты иштеп чыгуу жана ишке ашыруу",
						"Жарандардын абийир эркиндигине жана дин тутуу эркиндигине болгон укуктарын камсыз кылуу, мамлекеттин диний уюмдар менен мамилелерин Кыргыз Республикасынын Конституциясынын жоболоруна, Кыргыз Республикасынын Президентинин жана Өкмөтүнүн актыларына, башка ченемдик укуктук актыларга ылайык координациялоо",
						"Дин тутуу эркиндигинин укуктук кепилдиктерин камсыз кылуу, мамлекет менен диний уюмдардын ортосундагы мамилелерди укуктук жөнгө салууну андан ары өркүндөтүү",
						"Кыргыз Республикасынын мамлекеттик органдарынын диний саясат жаатындагы ишин координациялоо",
						"Светтик, көп конфессиялуу коомдун баалуулуктарын жана принциптерин илгерилетүү",
						"Жарандардын ден соолугуна, адеп-ахлагына, укуктарына жана мыйзамдуу кызыкчылыктарына, конституциялык түзүлүштүн негиздерине, мамлекеттин коопсуздугуна зыян келтирген же коркунуч туудурган диний уюмдардын ишин колдонуудагы мыйзамдарга ылайык токтотуу",
						"Республиканын аймагында диний экстремизмдин алдын алуу боюнча профилактикалык чараларды иштеп чыгууда мамлекеттик бийлик органдары менен кызматташуу",
						"Коомдун руханий жана адеп-ахлактык негиздерин чыңдоого, кагылышуулардын алдын алууга жана ар түрдүү диндердин жана ишенимдердин жолдоочуларынын ортосунда өз ара сабырдуулук мамилелерин орнотууга багытталган программаларды иштеп чыгуу жана ишке ашыруу",
						"Адамдын дин тутуу эркиндигине болгон укугун ишке ашыруу жана сактоо жаатындагы мыйзамдык базаны өркүндөтүү боюнча сунуштарды киргизүү",
					},
				}},
				WebsiteLabel: "Кыргыз Республикасынын Дин иштери боюнча мамлекеттик комиссиясынын сайты",
			},
			"en": {
				Meta:        governmentMeta("en"),
				Name:        "State Commission for Religious Affairs of the Kyrgyz Republic",
				Summary:     "The central body that shapes and implements state policy in the religious sphere, ensures freedom of conscience and religion and coordinates the work of state bodies in this field.",
				Description: `The State Commission for Religious Affairs of the Kyrgyz Republic is the central body of the Kyrgyz Republic that shapes and implements public policy in the religious sphere and coordinates the activities of the state bodies of the Kyrgyz Republic in the field of religion.`,
				Sections: []content.Section{{
					Heading: "Main objectives",
					Intro:   "The main objectives of the State Commission are:",
					Items: []string{
						"Development and implementation of public policy in the religious sphere",
						"Ensuring the rights of citizens to freedom of conscience and religion, and coordinating the relations of the state with religious organizations in accordance with the provisions of the Constitution of the Kyrgyz Republic, acts of the President and the Government of the Kyrgyz Republic, and other regulations",
						"Providing legal guarantees of religious freedom and further improving the legal regulation of the relationship between the state and religious organizations",
						"Coordination of the activities of the state bodies of the Kyrgyz Republic on religious policy",
						"Promoting the values and principles of a secular, multi-religious society",
						"Suppression, in accordance with the current legislation, of the activities of religious organizations that harm or threaten the health, morality, rights and legitimate interests of citizens, the foundations of the constitutional order or the security of the state",
						"Cooperation with state authorities to develop preventive measures against religious extremism in the territory of the republic",
						"Development and implementation of programs aimed at strengthening the spiritual and moral foundations of society, preventing conflict and establishing relations of mutual tolerance between followers of different religions and faiths",
						"Proposals to improve the legislative framework for the exercise of and respect for the human right to religious freedom",
					},
				}},
				WebsiteLabel: "Website of the State Commission for Religious Affairs of the Kyrgyz Republic",
			},
		},
	}
}
