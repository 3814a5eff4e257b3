"""The Welsh versions of the second union's texts: it works bilingually (its papers print Welsh first)."""

# principle code: (title in Welsh, statement in Welsh)
PRINCIPLES = {
    "people-decide": (
        "Pobl, nid algorithmau, sy'n gwneud penderfyniadau am bobl",
        "Caiff pob penderfyniad am ddisgybl neu am aelod o staff ei wneud gan berson, a gall y person hwnnw ei egluro.",
    ),
    "staff-privacy": (
        "Nid yw preifatrwydd staff yn agored i drafodaeth",
        "Ni chaiff staff eu recordio, eu sgorio na'u monitro gan offer ystafell ddosbarth nac offer swyddfa, ac ni "
        "werthir eu data byth.",
    ),
    "protect-jobs": (
        "Ni chollir yr un swydd oherwydd awtomeiddio",
        "Caiff oriau a swyddi staff cymorth eu diogelu pan fydd offer yn cymryd tasgau drosodd; ni chaiff cyflog ei "
        "gwtogi oherwydd yr amser a arbedir.",
    ),
    "fair-training": (
        "Hyfforddiant i staff o bob gradd",
        "Mae staff cymorth yn cael yr un hyfforddiant â thâl ag athrawon ar bob offeryn y gofynnir iddynt ei "
        "ddefnyddio neu ei oruchwylio.",
    ),
}

# topic slug: (title, preferred wording, fallback wording), all in Welsh
MODEL_CLAUSES = {
    "definitions": (
        "Cymal enghreifftiol: Diffiniadau",
        "At ddibenion yr Erthygl hon, ystyr “offeryn deallusrwydd artiffisial” yw unrhyw feddalwedd, platfform neu "
        "wasanaeth sy'n defnyddio dysgu peirianyddol, modelau iaith mawr neu wneud penderfyniadau awtomataidd i "
        "gynhyrchu cynnwys, gwneud rhagfynegiadau, sgorio gwaith neu argymell camau gweithredu sy'n effeithio ar "
        "ddisgyblion neu gyflogeion. Mae'r term yn cynnwys nodweddion a ychwanegir drwy ddiweddariad at feddalwedd "
        "sy'n bodoli eisoes. Nid yw offeryn y tu allan i gwmpas yr Erthygl hon oherwydd bod y cyflenwr yn ei "
        "ddisgrifio fel cynllun peilot, treial am ddim neu gynorthwyydd.",
        "At ddibenion yr Erthygl hon, ystyr “offeryn deallusrwydd artiffisial” yw unrhyw feddalwedd, platfform neu "
        "wasanaeth a gaffaelir gan yr Ardal, neu y mae'r Ardal yn mynnu ei ddefnyddio, ac sy'n defnyddio dysgu "
        "peirianyddol, modelau iaith mawr neu wneud penderfyniadau awtomataidd i gynhyrchu cynnwys, gwneud "
        "rhagfynegiadau, sgorio gwaith neu argymell camau gweithredu sy'n effeithio ar ddisgyblion neu gyflogeion. "
        "Mae'r term yn cynnwys nodweddion a ychwanegir drwy ddiweddariad at feddalwedd sy'n bodoli eisoes. Nid yw "
        "offeryn y tu allan i gwmpas yr Erthygl hon oherwydd bod y cyflenwr yn ei ddisgrifio fel cynllun peilot "
        "neu dreial am ddim.",
    ),
    "notice-and-bargaining": (
        "Cymal enghreifftiol: Hysbysu a bargeinio",
        "Bydd yr Ardal yn rhoi hysbysiad ysgrifenedig i'r Ffederasiwn o leiaf chwe deg (60) diwrnod calendr cyn "
        "cyflwyno, treialu neu newid yn sylweddol unrhyw offeryn deallusrwydd artiffisial sy'n effeithio ar aelodau "
        "o'r uned fargeinio. Bydd yr hysbysiad yn nodi beth y mae'r offeryn yn ei wneud, ar bwy y mae'n effeithio, y "
        "data y mae'n eu casglu a'r dyddiad dechrau arfaethedig. Ar gais, bydd yr Ardal yn bargeinio ynghylch y "
        "penderfyniad a'i effeithiau cyn ei roi ar waith, a bydd y sefyllfa bresennol yn parhau hyd nes y bydd y "
        "bargeinio wedi'i gwblhau.",
        "Bydd yr Ardal yn rhoi hysbysiad ysgrifenedig i'r Ffederasiwn o leiaf pedwar deg pump (45) diwrnod calendr "
        "cyn cyflwyno, treialu neu newid yn sylweddol unrhyw offeryn deallusrwydd artiffisial sy'n effeithio ar "
        "aelodau o'r uned fargeinio. Bydd yr hysbysiad yn nodi beth y mae'r offeryn yn ei wneud, ar bwy y mae'n "
        "effeithio, y data y mae'n eu casglu a'r dyddiad dechrau arfaethedig. Ar gais, bydd yr Ardal yn bargeinio "
        "ynghylch effeithiau'r penderfyniad cyn ei roi ar waith.",
    ),
    "job-security": (
        "Cymal enghreifftiol: Diogelwch swyddi",
        "Ni fydd unrhyw aelod o'r uned fargeinio yn cael ei ddiswyddo, yn cael lleihad yn ei oriau nac yn ei waith "
        "penodedig, nac yn cael ei wrthod am swydd o ganlyniad i gyflwyno offeryn deallusrwydd artiffisial. Ni fydd "
        "dyletswyddau a gyflawnir gan aelodau o'r uned fargeinio yn cael eu trosglwyddo i offeryn deallusrwydd "
        "artiffisial nac i'w gyflenwr. Pan fydd offeryn yn newid dyletswyddau swydd, bydd yr Ardal yn bargeinio "
        "ynghylch y newid ac yn cynnig ailhyfforddiant heb gost i unrhyw gyflogai yr effeithir arno.",
        "Ni fydd unrhyw aelod o'r uned fargeinio yn cael ei ddiswyddo nac yn cael lleihad yn ei oriau o ganlyniad i "
        "gyflwyno offeryn deallusrwydd artiffisial yn ystod cyfnod y Cytundeb hwn. Ni fydd dyletswyddau a gyflawnir "
        "gan aelodau o'r uned fargeinio yn cael eu trosglwyddo i offeryn deallusrwydd artiffisial nac i'w gyflenwr. "
        "Pan fydd offeryn yn newid dyletswyddau swydd, bydd yr Ardal yn bargeinio ynghylch y newid ac yn cynnig "
        "ailhyfforddiant heb gost i unrhyw gyflogai yr effeithir arno.",
    ),
    "training": (
        "Cymal enghreifftiol: Hyfforddiant",
        "Cyn ei gwneud yn ofynnol i unrhyw gyflogai ddefnyddio offeryn deallusrwydd artiffisial, bydd yr Ardal yn "
        "darparu o leiaf chwe (6) awr o hyfforddiant, naill ai yn ystod y diwrnod gwaith neu gyda thâl ar gyfradd "
        "arferol y cyflogai. Bydd yr hyfforddiant yn cael ei ddarparu gan addysgwyr cymwys, nid gan y cyflenwr yn "
        "unig, a bydd yn ymdrin â chyfyngiadau'r offeryn, ei ragfarnau hysbys a'i arferion o ran data. Ni fydd yn "
        "ofynnol i gyflogeion nad ydynt wedi cael hyfforddiant ddefnyddio'r offeryn.",
        "Cyn ei gwneud yn ofynnol i unrhyw gyflogai ddefnyddio offeryn deallusrwydd artiffisial, bydd yr Ardal yn "
        "darparu o leiaf pedair (4) awr o hyfforddiant, naill ai yn ystod y diwrnod gwaith neu gyda thâl ar gyfradd "
        "arferol y cyflogai. Bydd yr hyfforddiant yn ymdrin â chyfyngiadau'r offeryn, ei ragfarnau hysbys a'i "
        "arferion o ran data, a gall gynnwys deunyddiau'r cyflenwr. Ni fydd yn ofynnol i gyflogeion nad ydynt wedi "
        "cael hyfforddiant ddefnyddio'r offeryn.",
    ),
    "workload": (
        "Cymal enghreifftiol: Llwyth gwaith",
        "Ni fydd cyflwyno offeryn deallusrwydd artiffisial yn cynyddu llwyth gwaith, maint dosbarth, llwyth achosion "
        "na nifer y dyletswyddau a neilltuwyd i unrhyw gyflogai. Mae'r amser a arbedir gan offeryn yn perthyn i'r "
        "cyflogai ar gyfer cynllunio, cydweithio a gwaith proffesiynol, ac ni fydd yn cael ei ailneilltuo i "
        "ddyletswyddau ychwanegol. Ni fydd yn ofynnol i gyflogeion adolygu, cywiro nac ymateb i allbwn offeryn y tu "
        "allan i'r diwrnod gwaith.",
        "Ni fydd cyflwyno offeryn deallusrwydd artiffisial yn cael ei ddefnyddio i gynyddu maint dosbarth, llwyth "
        "achosion na nifer y dyletswyddau a neilltuwyd i unrhyw gyflogai. Ni fydd amser a arbedir gan offeryn yn "
        "cael ei ailneilltuo i ddyletswyddau ychwanegol heb gytundeb y Ffederasiwn. Ni fydd yn ofynnol i gyflogeion "
        "adolygu, cywiro nac ymateb i allbwn offeryn y tu allan i'r diwrnod gwaith.",
    ),
    "human-oversight": (
        "Cymal enghreifftiol: Goruchwyliaeth ddynol",
        "Bydd offer deallusrwydd artiffisial yn cefnogi barn broffesiynol cyflogeion, ac nid yn cymryd ei lle. Ni "
        "fydd unrhyw benderfyniad ynghylch gradd, lleoliad, disgyblaeth neu wasanaethau disgybl, nac unrhyw "
        "benderfyniad ynghylch cyflogai, yn cael ei wneud gan offeryn yn unig; bydd person cymwys yn adolygu allbwn "
        "yr offeryn ac yn parhau'n atebol am y penderfyniad. Caiff cyflogeion ddiystyru unrhyw argymhelliad gan "
        "offeryn heb gyfiawnhad a heb gosb.",
        "Bydd offer deallusrwydd artiffisial yn cefnogi barn broffesiynol cyflogeion, ac nid yn cymryd ei lle. Ni "
        "fydd unrhyw benderfyniad ynghylch gradd, lleoliad, disgyblaeth neu wasanaethau disgybl, nac unrhyw "
        "benderfyniad ynghylch cyflogai, yn cael ei wneud gan offeryn yn unig; bydd person cymwys yn adolygu allbwn "
        "yr offeryn. Caiff cyflogeion ddiystyru unrhyw argymhelliad gan offeryn heb gosb.",
    ),
    "evaluation-and-surveillance": (
        "Cymal enghreifftiol: Gwerthuso a gwyliadwriaeth",
        "Ni fydd unrhyw ddata a gynhyrchir gan offeryn deallusrwydd artiffisial, gan gynnwys logiau defnydd, "
        "recordiadau, sgorau neu ddadansoddeg, yn cael eu defnyddio i werthuso, disgyblu neu fonitro cyflogai. Ni "
        "fydd unrhyw offeryn yn gwneud recordiadau sain neu fideo o ystafelloedd dosbarth heb gydsyniad ysgrifenedig "
        "y cyflogai. Ni fydd dadansoddeg offer yn cael ei dyfynnu mewn unrhyw werthusiad, adroddiad arsylwi na "
        "ffeil bersonél.",
        "Ni fydd unrhyw ddata a gynhyrchir gan offeryn deallusrwydd artiffisial, gan gynnwys logiau defnydd, "
        "recordiadau, sgorau neu ddadansoddeg, yn cael eu defnyddio i werthuso neu ddisgyblu cyflogai. Dim ond ar "
        "ôl rhoi hysbysiad i'r cyflogai, a hynny at y diben a nodir yn yr hysbysiad i'r Ffederasiwn yn unig, y caiff "
        "offeryn wneud recordiadau sain neu fideo o ystafelloedd dosbarth. Ni fydd dadansoddeg offer yn cael ei "
        "rhoi mewn unrhyw ffeil bersonél.",
    ),
    "data-privacy": (
        "Cymal enghreifftiol: Preifatrwydd data",
        "Ni fydd yr Ardal yn rhoi offeryn deallusrwydd artiffisial ar waith hyd nes y bydd wedi llofnodi cytundeb "
        "preifatrwydd data gyda'r cyflenwr a'i rannu â'r Ffederasiwn. Dim ond pan fo angen at y diben a nodwyd y "
        "bydd data cyflogeion a disgyblion yn cael eu casglu; byddant yn cael eu storio yn yr Unol Daleithiau, ac ni "
        "fyddant byth yn cael eu gwerthu na'u defnyddio i hyfforddi modelau'r cyflenwr. Bydd data yn cael eu dileu "
        "cyn pen tri deg (30) diwrnod ar ôl diwedd y contract, a bydd yr Ardal yn hysbysu'r Ffederasiwn cyn pen "
        "saith deg dwy (72) awr ar ôl unrhyw achos o dorri diogelwch data.",
        "Ni fydd yr Ardal yn rhoi offeryn deallusrwydd artiffisial ar waith hyd nes y bydd wedi llofnodi cytundeb "
        "preifatrwydd data gyda'r cyflenwr, a bydd y cytundeb hwnnw ar gael i'r Ffederasiwn ar gais. Dim ond pan fo "
        "angen at y diben a nodwyd y bydd data cyflogeion a disgyblion yn cael eu casglu, ac ni fyddant byth yn cael "
        "eu gwerthu na'u defnyddio i hyfforddi modelau'r cyflenwr. Bydd yr Ardal yn hysbysu'r Ffederasiwn cyn pen "
        "pum (5) diwrnod ar ôl unrhyw achos o dorri diogelwch data sy'n effeithio ar ddata cyflogeion.",
    ),
    "authorship-and-ip": (
        "Cymal enghreifftiol: Awduraeth ac eiddo deallusol",
        "Mae cynlluniau gwersi, asesiadau a deunyddiau eraill a grëir gan gyflogeion yn parhau'n eiddo deallusol "
        "i'w hawduron, pa un a ddefnyddiwyd offeryn deallusrwydd artiffisial i'w creu ai peidio. Ni fydd yr Ardal "
        "yn uwchlwytho deunyddiau a grëwyd gan gyflogeion i unrhyw offeryn at ddiben ei hyfforddi, nac yn eu "
        "trwyddedu i gyflenwr, heb gydsyniad ysgrifenedig yr awdur. Ni fydd y ffaith bod cyflogai wedi defnyddio "
        "offeryn i ddrafftio deunyddiau yn sail dros gwestiynu ei awduraeth.",
        "Caiff yr Ardal ddefnyddio deunyddiau a grëir gan gyflogeion yn ystod eu cyflogaeth at ddibenion addysgu, "
        "ac mae cyflogeion yn cadw'r hawl i ailddefnyddio eu deunyddiau eu hunain. Ni fydd yr Ardal yn uwchlwytho "
        "deunyddiau a grëwyd gan gyflogeion i unrhyw offeryn at ddiben ei hyfforddi, nac yn eu trwyddedu i "
        "gyflenwr, heb gydsyniad ysgrifenedig yr awdur. Ni fydd y ffaith bod cyflogai wedi defnyddio offeryn i "
        "ddrafftio deunyddiau yn sail dros gwestiynu ei awduraeth.",
    ),
    "joint-committee": (
        "Cymal enghreifftiol: Pwyllgor technoleg ar y cyd",
        "Bydd y partïon yn sefydlu Pwyllgor Technoleg ar y cyd sy'n cynnwys nifer cyfartal o gynrychiolwyr y "
        "Ffederasiwn a'r Ardal, a fydd yn cyfarfod o leiaf unwaith y mis yn ystod y flwyddyn ysgol. Bydd y Pwyllgor "
        "yn adolygu pob offeryn deallusrwydd artiffisial arfaethedig cyn ei gaffael, yn derbyn dogfennaeth a "
        "chytundeb preifatrwydd y cyflenwr, ac yn gwneud argymhellion rhwymol ynghylch ei ddefnyddio. Bydd "
        "cynrychiolwyr y Ffederasiwn yn cael eu rhyddhau o'u dyletswyddau heb golli cyflog er mwyn bod yn bresennol.",
        "Bydd y partïon yn sefydlu Pwyllgor Technoleg ar y cyd sy'n cynnwys nifer cyfartal o gynrychiolwyr y "
        "Ffederasiwn a'r Ardal, a fydd yn cyfarfod o leiaf unwaith bob chwarter. Bydd y Pwyllgor yn adolygu pob "
        "offeryn deallusrwydd artiffisial arfaethedig cyn ei gaffael ac yn derbyn dogfennaeth a chytundeb "
        "preifatrwydd y cyflenwr. Bydd yr Uwch-arolygydd yn ymateb yn ysgrifenedig i'w argymhellion cyn pen tri deg "
        "(30) diwrnod. Bydd cynrychiolwyr y Ffederasiwn yn cael eu rhyddhau o'u dyletswyddau heb golli cyflog er "
        "mwyn bod yn bresennol.",
    ),
    "equity-and-access": (
        "Cymal enghreifftiol: Tegwch a mynediad",
        "Bydd yr Ardal yn asesu pob offeryn deallusrwydd artiffisial am ragfarn yn erbyn disgyblion neu gyflogeion ar "
        "sail hil, rhyw, anabledd, iaith neu incwm cyn ei roi ar waith, a bydd yn rhannu'r asesiad â'r Ffederasiwn. "
        "Bydd pob cyflogai y mae'n ofynnol iddo ddefnyddio offeryn yn cael y ddyfais, y cysylltedd a'r fformatau "
        "hygyrch sydd eu hangen arno i'w ddefnyddio. Ni fydd unrhyw ddisgybl dan anfantais oherwydd bod teulu yn "
        "gwrthod cydsynio i offeryn.",
        "Bydd yr Ardal yn ei gwneud yn ofynnol i gyflenwyr ddarparu asesiad rhagfarn ar gyfer pob offeryn "
        "deallusrwydd artiffisial cyn ei roi ar waith, a bydd yn rhannu'r asesiad â'r Ffederasiwn ar gais. Bydd "
        "pob cyflogai y mae'n ofynnol iddo ddefnyddio offeryn yn cael y ddyfais, y cysylltedd a'r fformatau hygyrch "
        "sydd eu hangen arno i'w ddefnyddio. Ni fydd unrhyw ddisgybl dan anfantais oherwydd bod teulu yn gwrthod "
        "cydsynio i offeryn.",
    ),
}

# the position's English title: (title in Welsh, rationale in Welsh)
POSITIONS = {
    "Compose Copilot in Greenfield: support with conditions": (
        "Compose Copilot yn Greenfield: cefnogi gydag amodau",
        "Mae staff swyddfa a llyfrgell yn treulio oriau ar lythyrau arferol, a gallai cynorthwyydd drafftio roi'r "
        "amser hwnnw yn ôl iddynt. Ond mae'r cynorthwyydd yn darllen blychau post cyfan, nid yw ei gytundeb "
        "preifatrwydd wedi'i lofnodi, ac ni ddylai 'arbed amser' olygu torri oriau.",
    ),
    "Oppose EarlySignal risk scoring": (
        "Gwrthwynebu sgorio risg EarlySignal",
        "Mae sgorau risg sy'n seiliedig ar iaith y cartref a statws anghenion addysgol arbennig yn labelu plant cyn "
        "i neb eu cyfarfod. Mae'r Ffederasiwn yn gwrthwynebu EarlySignal lle bynnag y caiff ei gynnig.",
    ),
    "Support MathMentor Live after-school tutoring": (
        "Cefnogi tiwtora ar ôl ysgol MathMentor Live",
        "Mae tiwtoriaid dynol yn arwain y sesiynau, telir am oriau goruchwylio ar y gyfradd arferol, ac nid yw'r "
        "offeryn yn casglu fawr ddim data personol.",
    ),
    "HallwayWatch cameras at Greenfield High": (
        "Camerâu HallwayWatch yn Ysgol Uwchradd Greenfield",
        "Byddai cipio sain a chanfod 'ymddygiad ymosodol' yn golygu recordio staff a disgyblion drwy'r dydd, ac ni "
        "fyddai'r cyflenwr yn diystyru defnyddio'r system mewn achosion disgyblu yn erbyn staff.",
    ),
    "TimeTabler Pro in Greenfield": (
        "TimeTabler Pro yn Greenfield",
        "Yn aros am y rheolau dyrannu. Mae profiad Northview o'r un offeryn wedi bod yn niwtral.",
    ),
}
