"""Well-known places, by the name normalized as for comparison.

The small model sometimes tags a capital or a country ORG or PERSON ("A senior source in Kyiv
said ...", "Washington argues"); a fixed list of countries, capitals, large cities and US
states lets label consistency overrule it.
"""

from __future__ import annotations

from tui.analysis.names import normalize

_KNOWN_PLACES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|
Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chile|China|
Colombia|Comoros|Congo|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|
Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|
Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Kazakhstan|
Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|
Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|
Netherlands|New Zealand|Nicaragua|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|
Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|
Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|
Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad|Tunisia|Turkey|Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|
United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|
United States|US|USA|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|
Zambia|Zimbabwe|Gaza|West Bank|Crimea|Donbas|Chechnya|Tibet|Hong Kong|Macau|Greenland|
Puerto Rico|Soviet Union|USSR|Yugoslavia|Czechoslovakia|
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Manama|Dhaka|Minsk|
Brussels|Sofia|Ottawa|Santiago|Beijing|Peking|Bogota|Bogotá|Zagreb|Havana|Nicosia|Prague|
Copenhagen|Cairo|Tallinn|Addis Ababa|Helsinki|Paris|Tbilisi|Berlin|Accra|Athens|Budapest|
Reykjavik|New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|Tokyo|Amman|
Astana|Nairobi|Pristina|Bishkek|Vientiane|Riga|Beirut|Tripoli|Vilnius|Kuala Lumpur|Valletta|
Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Yangon|Rangoon|Kathmandu|
Amsterdam|The Hague|Wellington|Managua|Niamey|Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|
Islamabad|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Riyadh|Dakar|Belgrade|
Freetown|Bratislava|Ljubljana|Mogadishu|Pretoria|Cape Town|Johannesburg|Seoul|Juba|Madrid|
Colombo|Khartoum|Stockholm|Bern|Geneva|Zurich|Damascus|Taipei|Dushanbe|Dodoma|Dar es Salaam|
Bangkok|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev|Abu Dhabi|Dubai|London|Washington|
Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Saigon|Sanaa|Lusaka|Harare|Quito|Asuncion|
Brasilia|Rio de Janeiro|Sao Paulo|São Paulo|Kinshasa|Brazzaville|Conakry|Bamako|Nouakchott|
Lome|Ouagadougou|Yaounde|Libreville|Windhoek|Gaborone|Maseru|Lilongwe|Antananarivo|Asmara|
Port-au-Prince|Santo Domingo|Kingston|Tegucigalpa|Guatemala City|San Salvador|La Paz|
New York|Los Angeles|Chicago|Houston|Boston|Miami|San Francisco|Seattle|Atlanta|Dallas|
Detroit|Philadelphia|Las Vegas|Toronto|Montreal|Vancouver|Sydney|Melbourne|Shanghai|Shenzhen|
Guangzhou|Wuhan|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Bangalore|Karachi|Lahore|Osaka|Kyoto|
Hiroshima|Busan|Manchester|Liverpool|Birmingham|Edinburgh|Glasgow|Belfast|Munich|Frankfurt|
Hamburg|Cologne|Milan|Naples|Venice|Florence|Barcelona|Marseille|Lyon|Strasbourg|Antwerp|
Rotterdam|St Petersburg|Saint Petersburg|Kharkiv|Odesa|Odessa|Lviv|Dnipro|Mariupol|Kherson|
Zaporizhzhia|Donetsk|Luhansk|Bakhmut|Sevastopol|Aleppo|Homs|Mosul|Basra|Rafah|Ramallah|Haifa|
Mecca|Medina|Jeddah|Kandahar|Herat|Peshawar|Almaty|Davos|
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|
Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|
Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|
North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming
"""


KNOWN_PLACES = frozenset(
    normalize(name) for name in _KNOWN_PLACES.replace("\n", "").split("|") if name.strip()
)
